package org.rnicsim.ndk.provider.runtime;

/**
 * An object whose close must wait for a callback: told when the callback is queued on a core and
 * when it returns in modelled time (ndkpi-spec 3; invariants 7, 8).
 */
public interface CallbackOwner {

  /** A callback on this object has been queued; it counts as running until it returns. */
  void callbackQueued();

  /** That callback has returned (its start plus its cost). */
  void callbackReturned();
}
