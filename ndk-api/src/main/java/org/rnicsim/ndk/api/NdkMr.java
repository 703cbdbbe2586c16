package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;

/**
 * NDK_MR with NDK_MR_DISPATCH (ndkpi-spec 1, 4, 5). Its tokens are valid once RegisterMr or
 * InitializeFastRegisterMr has completed.
 */
public interface NdkMr extends NdkCloseableObject {

  /**
   * NDK_FN_REGISTER_MR (NdkRegisterMr), ndkpi-spec 4: may pend; only on an MR created with
   * FastRegister false. INVALID_PARAMETER if the MDL is not virtually contiguous over {@code
   * lengthBytes}; INSUFFICIENT_RESOURCES inline or async. No zero-based virtual addressing.
   *
   * @param mdl the region (an MDL chain)
   * @param lengthBytes SIZE_T bytes from the MDL's first virtual address
   * @param flags OR of {@link org.rnicsim.ndk.api.constant.NdkMrFlag} values
   */
  NtStatus registerMr(
      Mdl mdl,
      long lengthBytes,
      int flags,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /** NDK_FN_DEREGISTER_MR (NdkDeregisterMr), ndkpi-spec 4: may pend. */
  NtStatus deregisterMr(NdkFnRequestCompletion requestCompletion, Object requestContext);

  /**
   * NDK_FN_INITIALIZE_FAST_REGISTER_MR (NdkInitializeFastRegisterMr), ndkpi-spec 4: may pend; only
   * on an MR created with FastRegister true; may be called repeatedly or in parallel.
   * IMPLEMENTATION_LIMIT if the page count exceeds FRMRPageCount.
   *
   * @param adapterPageCount ULONG, pages the MR must be able to map
   * @param remoteAccess whether remote access will be granted by FastRegister
   */
  NtStatus initializeFastRegisterMr(
      long adapterPageCount,
      boolean remoteAccess,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_GET_REMOTE_TOKEN_FROM_MR (NdkGetRemoteTokenFromMr): UINT32; for a fast-register MR,
   * readable once FastRegister has returned (ndkpi-spec 5).
   */
  int getRemoteTokenFromMr();

  /** NDK_FN_GET_LOCAL_TOKEN_FROM_MR (NdkGetLocalTokenFromMr): UINT32 local token for SGEs. */
  int getLocalTokenFromMr();
}
