package org.rnicsim.ndk.api;

/**
 * NDK_FN_CLOSE_COMPLETION (ndkpi-spec 3): called exactly once for a close that returned
 * STATUS_PENDING (invariant 5). When it runs, no other callback for the object is running or will
 * ever start, and every pending request on it has completed (invariants 6, 7).
 */
@FunctionalInterface
public interface NdkFnCloseCompletion {

  /**
   * NdkCloseCompletion.
   *
   * @param context the context passed to the close
   */
  void closeCompletion(Object context);
}
