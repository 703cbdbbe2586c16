package org.rnicsim.ndk.api;

/**
 * NDK_FN_CONNECT_EVENT_CALLBACK (ndkpi-spec 4, connection flow): an incoming connection request on
 * a listener. Never after the listener's close was issued, never while paused (invariants 27, 28).
 */
@FunctionalInterface
public interface NdkFnConnectEventCallback {

  /**
   * NdkConnectEventCallback.
   *
   * @param connectEventContext the context given to CreateListener
   * @param connector a provider-created connector for the request; the consumer owns it, must
   *     Accept or Reject it, and must close it
   */
  void connectEvent(Object connectEventContext, NdkConnector connector);
}
