package org.rnicsim.ndk.api;

/** NDK_MW with NDK_MW_DISPATCH (ndkpi-spec 1, 5): a window bound to an MR by a Bind post. */
public interface NdkMw extends NdkCloseableObject {

  /**
   * NDK_FN_GET_REMOTE_TOKEN_FROM_MW (NdkGetRemoteTokenFromMw): UINT32, readable once Bind has
   * returned (ndkpi-spec 5).
   */
  int getRemoteTokenFromMw();
}
