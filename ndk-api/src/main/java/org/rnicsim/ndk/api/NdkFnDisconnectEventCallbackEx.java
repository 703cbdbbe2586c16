package org.rnicsim.ndk.api;

/**
 * NDK_FN_DISCONNECT_EVENT_CALLBACK_EX (ndkpi-spec 4, Disconnect): as {@link
 * NdkFnDisconnectEventCallback}, registered through CompleteConnectEx or AcceptEx, with a reason.
 */
@FunctionalInterface
public interface NdkFnDisconnectEventCallbackEx {

  /**
   * NdkDisconnectEventCallbackEx.
   *
   * @param disconnectEventContext the context given to CompleteConnectEx or AcceptEx
   * @param providerDisconnectReason ULONG, provider-defined; 0 = no reason given
   */
  void disconnectEventEx(Object disconnectEventContext, long providerDisconnectReason);
}
