package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_FN_CQ_NOTIFICATION_CALLBACK (ndkpi-spec 4, CQ arming): runs only while the CQ is armed, at
 * most once per arm, never overlapping another notification on the same CQ (invariants 14, 15). It
 * may call GetCqResults and ArmCq on the CQ.
 */
@FunctionalInterface
public interface NdkFnCqNotificationCallback {

  /**
   * NdkCqNotificationCallback.
   *
   * @param cqNotificationContext the context given to CreateCq
   * @param cqStatus SUCCESS; BUFFER_OVERFLOW (overrun) or INTERNAL_ERROR (fatal), after which the
   *     CQ and its QPs are unusable (invariant 18)
   */
  void cqNotification(Object cqNotificationContext, NtStatus cqStatus);
}
