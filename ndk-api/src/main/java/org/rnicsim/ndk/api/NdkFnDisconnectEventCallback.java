package org.rnicsim.ndk.api;

/**
 * NDK_FN_DISCONNECT_EVENT_CALLBACK (ndkpi-spec 4, Disconnect): the peer disconnected or aborted. At
 * most once per connection, not at all if the local side called Disconnect first, and it does not
 * flush the QP (invariant 25).
 */
@FunctionalInterface
public interface NdkFnDisconnectEventCallback {

  /**
   * NdkDisconnectEventCallback.
   *
   * @param disconnectEventContext the context given to CompleteConnect or Accept
   */
  void disconnectEvent(Object disconnectEventContext);
}
