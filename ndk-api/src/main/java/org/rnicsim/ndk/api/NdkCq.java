package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * NDK_CQ with NDK_CQ_DISPATCH (ndkpi-spec 1, 4, 5). The consumer never runs GetCqResults,
 * GetCqResultsEx or ArmCq concurrently on one CQ (ndkpi-spec 4).
 */
public interface NdkCq extends NdkCloseableObject {

  /**
   * NDK_FN_RESIZE_CQ (NdkResizeCq), ndkpi-spec 4: may pend. Only if the adapter has
   * CQ_RESIZE_SUPPORTED. INVALID_PARAMETER above MaxCqDepth; INSUFFICIENT_RESOURCES inline or
   * async.
   *
   * @param cqDepth ULONG, the new depth
   */
  NtStatus resizeCq(long cqDepth, NdkFnRequestCompletion requestCompletion, Object requestContext);

  /**
   * NDK_FN_ARM_CQ (NdkArmCq), ndkpi-spec 4: VOID, never pends (invariant 12). One-shot; re-arming
   * before it fires keeps the stronger type (invariant 16); arming with completions queued since
   * the last notification notifies at once (invariant 17).
   */
  void armCq(NdkCqNotificationType type);

  /**
   * NDK_FN_GET_CQ_RESULTS (NdkGetCqResults), ndkpi-spec 5: dequeues up to {@code results.length}
   * completions into {@code results[0..n)}. A dequeued ReceiveAndInvalidate still invalidates its
   * token, unreported (invariant 24).
   *
   * @return n, the number dequeued; 0 if the CQ is empty
   */
  int getCqResults(NdkResult[] results);

  /**
   * NDK_FN_GET_CQ_RESULTS_EX (NdkGetCqResultsEx), ndkpi-spec 5: as {@link #getCqResults} with the
   * operation type, provider error code and type-specific output.
   *
   * @return the number dequeued; 0 if the CQ is empty
   */
  int getCqResultsEx(NdkResultEx[] results);

  /**
   * NDK_FN_CONTROL_CQ_INTERRUPT_MODERATION (NdkControlCqInterruptModeration), ndkpi-spec 6: never
   * pends; NOT_SUPPORTED iff the adapter lacks CQ_INTERRUPT_MODERATION_SUPPORTED (invariant 31);
   * also INSUFFICIENT_RESOURCES, INVALID_PARAMETER_MIX. The latest call wins.
   *
   * @param moderationIntervalUs ULONG µs of delay after a completion satisfies an arm; 0 = off,
   *     MAXULONG = the count alone governs
   * @param moderationCount ULONG completions before the interrupt; 0 or 1 = off, MAXULONG or above
   *     the depth = the interval alone governs
   */
  NtStatus controlCqInterruptModeration(long moderationIntervalUs, long moderationCount);
}
