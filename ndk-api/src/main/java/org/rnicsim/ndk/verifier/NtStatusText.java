package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.status.NtStatus;

/** Null-tolerant status tests, since a broken provider may return null where a status belongs. */
final class NtStatusText {

  private NtStatusText() {}

  static boolean isSuccess(NtStatus status) {
    return NtStatus.SUCCESS.equals(status);
  }

  static boolean isPending(NtStatus status) {
    return NtStatus.PENDING.equals(status);
  }

  /** A failure: anything but SUCCESS and PENDING, null included. */
  static boolean isFailure(NtStatus status) {
    return !isSuccess(status) && !isPending(status);
  }
}
