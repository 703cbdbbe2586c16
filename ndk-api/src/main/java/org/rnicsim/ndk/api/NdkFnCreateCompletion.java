package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_FN_CREATE_COMPLETION (ndkpi-spec 2): called exactly once for a create that returned
 * STATUS_PENDING, never for one that returned anything else (invariant 1).
 */
@FunctionalInterface
public interface NdkFnCreateCompletion {

  /**
   * NdkCreateCompletion.
   *
   * @param context the RequestContext passed to the create
   * @param status SUCCESS, or why the create failed
   * @param ndkObject on SUCCESS the new object (pNdkObject, an NDK_OBJECT_HEADER*: cast it to the
   *     created type after checking its header), the only way a pending create delivers it
   *     (invariant 2); null on failure. Interp (ndkpi-spec 2, 8): ndkpi does not say what
   *     pNdkObject is on an async failure; we pass null, and a failed create leaves no object and
   *     no close obligation (invariant 3).
   */
  void createCompletion(Object context, NtStatus status, NdkObject ndkObject);
}
