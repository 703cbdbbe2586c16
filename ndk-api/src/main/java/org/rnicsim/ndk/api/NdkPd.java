package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.struct.GroupAffinity;

/**
 * NDK_PD with NDK_PD_DISPATCH (ndkpi-spec 1, 2): parent of MRs, MWs, SRQs and QPs. Creates follow
 * the shape described on {@link NdkAdapter} (invariants 1-3); the depth and SGE arguments are
 * checked against NDK_ADAPTER_INFO with INVALID_PARAMETER (invariant 30).
 */
public interface NdkPd extends NdkCloseableObject {

  /**
   * NDK_FN_CREATE_MR (NdkCreateMr), ndkpi-spec 2.
   *
   * @param fastRegister true: usable only with InitializeFastRegisterMr and FastRegister; false:
   *     only with RegisterMr
   */
  NdkCreateResult<NdkMr> createMr(
      boolean fastRegister, NdkFnCreateCompletion createCompletion, Object requestContext);

  /** NDK_FN_CREATE_MW (NdkCreateMw), ndkpi-spec 2. */
  NdkCreateResult<NdkMw> createMw(NdkFnCreateCompletion createCompletion, Object requestContext);

  /**
   * NDK_FN_CREATE_SRQ (NdkCreateSrq), ndkpi-spec 2 and 4. Interp (ndkpi-spec 4): a callback with a
   * threshold above 0 arms the notification as ModifySrq would.
   *
   * @param srqDepth ULONG, at most MaxSrqDepth
   * @param maxReceiveRequestSge ULONG, at most MaxReceiveRequestSge
   * @param notifyThreshold ULONG, 0 = not armed
   * @param srqNotification optional, may be null
   * @param srqNotificationContext passed to {@code srqNotification}
   * @param affinity processor hint, or null
   */
  NdkCreateResult<NdkSrq> createSrq(
      long srqDepth,
      long maxReceiveRequestSge,
      long notifyThreshold,
      NdkFnSrqNotificationCallback srqNotification,
      Object srqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  /**
   * NDK_FN_CREATE_QP (NdkCreateQp), ndkpi-spec 2. Each depth, SGE count and inline size is bounded
   * by its NDK_ADAPTER_INFO maximum (invariant 30).
   *
   * @param receiveCq CQ for receive completions
   * @param initiatorCq CQ for initiator completions
   * @param qpContext echoed in every NDK_RESULT of this QP (invariant 23)
   */
  NdkCreateResult<NdkQp> createQp(
      NdkCq receiveCq,
      NdkCq initiatorCq,
      Object qpContext,
      long receiveQueueDepth,
      long initiatorQueueDepth,
      long maxReceiveRequestSge,
      long maxInitiatorRequestSge,
      long inlineDataSize,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  /**
   * NDK_FN_CREATE_QP_WITH_SRQ (NdkCreateQpWithSrq), ndkpi-spec 2: as {@link #createQp}, receives
   * coming from {@code srq} (so no receive depth or SGE arguments).
   */
  NdkCreateResult<NdkQp> createQpWithSrq(
      NdkCq receiveCq,
      NdkCq initiatorCq,
      NdkSrq srq,
      Object qpContext,
      long initiatorQueueDepth,
      long maxInitiatorRequestSge,
      long inlineDataSize,
      NdkFnCreateCompletion createCompletion,
      Object requestContext);

  /**
   * NDK_FN_GET_PRIVILEGED_MEMORY_REGION_TOKEN (NdkGetPrivilegedMemoryRegionToken), ndkpi-spec 5:
   * VOID in C with a UINT32 out-parameter, returned here. The token is for local access to logical
   * addresses from BuildLAM only, never remote.
   */
  int getPrivilegedMemoryRegionToken();
}
