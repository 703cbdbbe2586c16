package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_FN_REQUEST_COMPLETION (ndkpi-spec 4): called exactly once for a request that returned
 * STATUS_PENDING, never otherwise (invariant 12).
 */
@FunctionalInterface
public interface NdkFnRequestCompletion {

  /**
   * NdkRequestCompletion.
   *
   * @param context the RequestContext passed to the request
   * @param status the request's final status
   */
  void requestCompletion(Object context, NtStatus status);
}
