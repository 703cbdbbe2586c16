package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * NDK_ADAPTER with NDK_ADAPTER_DISPATCH (ndkpi-spec 1): the root of every object tree. It has no
 * close entry; it is closed with {@link NdkProvider#closeAdapter} (ndkpi-spec 3).
 *
 * <p>Every create below follows ndkpi-spec 2: SUCCESS delivers the object in the result, PENDING
 * delivers it (or the failure) through exactly one {@code createCompletion} call, any other status
 * is an inline failure with no callback (invariants 1-3). INSUFFICIENT_RESOURCES may come inline or
 * async on every create.
 */
public interface NdkAdapter extends NdkObject {

  /**
   * NDK_FN_QUERY_ADAPTER_INFO (NdkQueryAdapterInfo), ndkpi-spec 4 and 6: never pends; passive
   * level, may block (invariant 33).
   *
   * @param bufferSizeBytes *pBufferSize on input: the caller's buffer size; below {@link
   *     org.rnicsim.ndk.api.struct.NdkAdapterInfo#SIZE_BYTES} gives BUFFER_TOO_SMALL with the size
   *     needed
   * @return SUCCESS with the info, or BUFFER_TOO_SMALL and the required size
   */
  NdkAdapterInfoResult queryAdapterInfo(long bufferSizeBytes);

  /**
   * NDK_FN_CREATE_CQ (NdkCreateCq), ndkpi-spec 2 and 4.
   *
   * @param cqDepth ULONG, at most MaxCqDepth, else INVALID_PARAMETER (invariant 30)
   * @param cqNotification called only while armed (invariant 14)
   * @param cqNotificationContext passed to {@code cqNotification}
   * @param affinity processor hint, or null
   * @param createCompletion called once iff PENDING is returned
   * @param requestContext passed to {@code createCompletion}
   */
  NdkCreateResult<NdkCq> createCq(
      long cqDepth,
      NdkFnCqNotificationCallback cqNotification,
      Object cqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  /** NDK_FN_CREATE_PD (NdkCreatePd), ndkpi-spec 2. */
  NdkCreateResult<NdkPd> createPd(NdkFnCreateCompletion createCompletion, Object requestContext);

  /**
   * NDK_FN_CREATE_SHARED_ENDPOINT (NdkCreateSharedEndpoint), ndkpi-spec 2. Extra statuses:
   * SHARING_VIOLATION and INVALID_ADDRESS (inline or async), TOO_MANY_ADDRESSES for port 0 when the
   * ephemeral range is exhausted. The address stays busy until the endpoint and every connector
   * using it are closed (invariant 29).
   *
   * @param address local IP and ND port; port 0 = ephemeral
   */
  NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
      NdkSockAddr address, NdkFnCreateCompletion createCompletion, Object requestContext);

  /** NDK_FN_CREATE_CONNECTOR (NdkCreateConnector), ndkpi-spec 2. */
  NdkCreateResult<NdkConnector> createConnector(
      NdkFnCreateCompletion createCompletion, Object requestContext);

  /**
   * NDK_FN_CREATE_LISTENER (NdkCreateListener), ndkpi-spec 2.
   *
   * @param connectEvent called per incoming connection once the listener listens
   * @param connectEventContext passed to {@code connectEvent}
   */
  NdkCreateResult<NdkListener> createListener(
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  /**
   * NDK_FN_BUILD_LAM (NdkBuildLAM), ndkpi-spec 4: maps a virtually contiguous region to adapter
   * logical page addresses for use with the privileged token. May pend. Statuses: INVALID_PARAMETER
   * (not virtually contiguous), INSUFFICIENT_RESOURCES (inline or async), BUFFER_TOO_SMALL
   * (required size set in {@code lam}); partial mappings are released on error. The header marks
   * the completion optional but the doc page does not; we require it, since the call may pend.
   *
   * @param mdl the region; must not be touched while the call is pending
   * @param lengthBytes SIZE_T bytes from the MDL's first virtual address
   * @param requestCompletion called once iff PENDING is returned
   * @param requestContext passed to {@code requestCompletion}
   * @param lam the caller's buffer, filled by the provider (*pNdkLAM, *pLAMSize, *pFBO)
   */
  NtStatus buildLam(
      Mdl mdl,
      long lengthBytes,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext,
      NdkLogicalAddressMapping lam);

  /** NDK_FN_RELEASE_LAM (NdkReleaseLAM), ndkpi-spec 4: synchronous, VOID. */
  void releaseLam(NdkLogicalAddressMapping lam);
}
