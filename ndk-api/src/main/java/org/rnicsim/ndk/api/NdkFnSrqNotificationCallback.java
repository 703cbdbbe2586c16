package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_FN_SRQ_NOTIFICATION_CALLBACK (ndkpi-spec 4, SRQ arming): one-shot, fires when the queued
 * receives drop below the armed threshold (invariant 32).
 */
@FunctionalInterface
public interface NdkFnSrqNotificationCallback {

  /**
   * NdkSrqNotificationCallback.
   *
   * @param srqNotificationContext the context given to CreateSrq
   * @param srqStatus SUCCESS (threshold crossed) or INTERNAL_ERROR (SRQ and its QPs dead)
   */
  void srqNotification(Object srqNotificationContext, NtStatus srqStatus);
}
