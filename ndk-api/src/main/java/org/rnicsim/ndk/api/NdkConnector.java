package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * NDK_CONNECTOR with NDK_CONNECTOR_DISPATCH (ndkpi-spec 1, 4: connection flow and Disconnect).
 * Active side: Connect, optional GetConnectionData, CompleteConnect. Passive side: the connector
 * arrives through a listener's connect event, then Accept or Reject. A disconnected connector
 * cannot be reused. Private data arrays are copied by the provider; null means none.
 *
 * <p>Not rendered: NDK_FN_DISCONNECT_EX (Abortive), which one header copy declares but no dispatch
 * table lists (ndkpi-spec 8).
 */
public interface NdkConnector extends NdkCloseableObject {

  /**
   * NDK_FN_CONNECT (NdkConnect), ndkpi-spec 4: may pend; completes when the peer accepted or with
   * INSUFFICIENT_RESOURCES, NETWORK_UNREACHABLE, HOST_UNREACHABLE, CONNECTION_REFUSED, IO_TIMEOUT,
   * SHARING_VIOLATION, INVALID_ADDRESS, TOO_MANY_ADDRESSES or ADDRESS_ALREADY_EXISTS (each inline
   * or async). Read limits are capped by the adapter and by the peer.
   *
   * @param qp the QP to connect; it becomes an antecedent of this connector
   * @param source local address (port 0 = ephemeral)
   * @param destination the peer's listening address
   * @param inboundReadLimit ULONG IRD asked for
   * @param outboundReadLimit ULONG ORD asked for
   * @param privateData at most MaxCallerData bytes, or null
   */
  NtStatus connect(
      NdkQp qp,
      NdkSockAddr source,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_CONNECT_WITH_SHARED_ENDPOINT (NdkConnectWithSharedEndpoint): as {@link #connect}, the
   * local address coming from {@code sharedEndpoint} (so no local-address errors).
   */
  NtStatus connectWithSharedEndpoint(
      NdkQp qp,
      NdkSharedEndpoint sharedEndpoint,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_COMPLETE_CONNECT (NdkCompleteConnect): may pend; CONNECTION_INVALID (not connecting;
   * inline or async), CONNECTION_ABORTED, IO_TIMEOUT.
   *
   * @param disconnectEvent optional, may be null (invariant 25)
   */
  NtStatus completeConnect(
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /** NDK_FN_COMPLETE_CONNECT_EX (NdkCompleteConnectEx): as CompleteConnect, Ex disconnect event. */
  NtStatus completeConnectEx(
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_ACCEPT (NdkAccept): may pend; completes once the active side has called CompleteConnect,
   * or with CONNECTION_ABORTED or IO_TIMEOUT.
   *
   * @param privateData at most MaxCalleeData bytes, or null
   * @param disconnectEvent optional, may be null (invariant 25)
   */
  NtStatus accept(
      NdkQp qp,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /** NDK_FN_ACCEPT_EX (NdkAcceptEx): as Accept, with the Ex disconnect event. */
  NtStatus acceptEx(
      NdkQp qp,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_REJECT (NdkReject): never pends (invariant 12); CONNECTION_ABORTED.
   *
   * @param privateData at most MaxCalleeData bytes, or null
   */
  NtStatus reject(byte[] privateData);

  /**
   * NDK_FN_GET_CONNECTION_DATA (NdkGetConnectionData), ndkpi-spec 4: effective read limits and the
   * peer's private data; never after Accept or CompleteConnect. A null buffer (NULL, length 0)
   * gives SUCCESS with the required size; a short one gets a partial copy and BUFFER_TOO_SMALL.
   *
   * @param privateDataBuffer where to copy the private data, or null
   */
  NdkConnectionData getConnectionData(byte[] privateDataBuffer);

  /**
   * NDK_FN_GET_LOCAL_ADDRESS (NdkGetLocalAddress), ndkpi-spec 1: the connection's local address.
   */
  NdkAddressResult getLocalAddress();

  /** NDK_FN_GET_PEER_ADDRESS (NdkGetPeerAddress), ndkpi-spec 1: the peer's address. */
  NdkAddressResult getPeerAddress();

  /**
   * NDK_FN_DISCONNECT (NdkDisconnect), ndkpi-spec 4: may pend; completes once the peer disconnected
   * (SUCCESS) or on abort or IO_TIMEOUT, and all DMA on the QP is done; then the QP is flushed
   * (invariant 26).
   */
  NtStatus disconnect(NdkFnRequestCompletion requestCompletion, Object requestContext);
}
