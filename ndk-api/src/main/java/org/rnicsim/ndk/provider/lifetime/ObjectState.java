package org.rnicsim.ndk.provider.lifetime;

/** Where one provider object is in its life (ndkpi-spec 2, 3). */
public enum ObjectState {
  /** A pending create: the object exists inside the provider but the consumer has not got it. */
  CREATING,
  /** Delivered (inline, or at the start of its create completion) and not yet closed. */
  OPEN,
  /**
   * The close was issued and returned PENDING; something keeps it pending (a request, a running
   * callback, an open successor: invariants 8, 10).
   */
  CLOSING,
  /**
   * Nothing keeps the close pending any more: the destroy command or the close completion is on its
   * way. No new callback for the object starts (invariant 6).
   */
  CLOSE_COMPLETING,
  /** Closed: the close returned SUCCESS, or its completion callback has returned. */
  CLOSED,
  /** The create failed (inline or async): no object for the consumer, nothing to close. */
  FAILED
}
