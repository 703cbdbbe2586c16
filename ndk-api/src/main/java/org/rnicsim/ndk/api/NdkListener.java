package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * NDK_LISTENER with NDK_LISTENER_DISPATCH (ndkpi-spec 1, 4). Its close refuses new connections at
 * once (invariant 27) and stays pending until every connector it handed out is closed.
 */
public interface NdkListener extends NdkCloseableObject {

  /**
   * NDK_FN_LISTEN (NdkListen): may pend; INSUFFICIENT_RESOURCES, SHARING_VIOLATION (address busy,
   * invariant 29), INVALID_ADDRESS (inline or async), TOO_MANY_ADDRESSES.
   *
   * @param address local IP and ND port; port 0 = ephemeral
   */
  NtStatus listen(
      NdkSockAddr address, NdkFnRequestCompletion requestCompletion, Object requestContext);

  /**
   * NDK_FN_GET_LISTENER_LOCAL_ADDRESS (NdkGetLocalAddress), ndkpi-spec 1; the port Listen bound.
   */
  NdkAddressResult getLocalAddress();

  /**
   * NDK_FN_CONTROL_CONNECT_EVENTS (NdkControlConnectEvents): VOID, never pends (invariant 12).
   * While paused no connect event fires and incoming requests are refused as if no listener existed
   * (invariant 28).
   *
   * @param pause true to pause, false to resume
   */
  void controlConnectEvents(boolean pause);
}
