package org.rnicsim.ndk.verifier;

/** Where an object is in its life, as the verifier has observed it (ndkpi-spec 2 and 3). */
public enum ObjectState {
  /** A create call for it is running and has not returned yet. */
  CREATING,
  /** The create returned PENDING; the create completion has not delivered it yet. */
  PENDING_CREATE,
  /** The create failed, inline or async: there is no object and nothing to close (invariant 3). */
  FAILED,
  /** Delivered and usable. */
  READY,
  /** The consumer called close and the call has not returned yet. */
  CLOSING,
  /** The close returned PENDING; its close completion has not run yet. */
  CLOSE_PENDING,
  /** Closed: the close returned SUCCESS or its completion started, or its adapter was closed. */
  CLOSED;

  /** True once the consumer has issued the close (or the adapter close took the object along). */
  public boolean isCloseIssued() {
    return this == CLOSING || this == CLOSE_PENDING || this == CLOSED;
  }

  /** True while the object counts as an open successor of its antecedents (invariant 10). */
  public boolean isOpen() {
    return this != FAILED && this != CLOSED;
  }
}
