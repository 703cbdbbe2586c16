package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.Ulong;

/**
 * What {@link NdkAdapter#queryAdapterInfo} returns, for the C out-parameters {@code *pInfo} and
 * {@code *pBufferSize}.
 *
 * @param status SUCCESS, BUFFER_TOO_SMALL, or another failure
 * @param info the adapter's information iff SUCCESS, else null
 * @param bufferSizeBytes *pBufferSize on return: bytes written, or bytes needed after
 *     BUFFER_TOO_SMALL
 */
public record NdkAdapterInfoResult(NtStatus status, NdkAdapterInfo info, long bufferSizeBytes) {

  /** Enforces "info present iff SUCCESS". */
  public NdkAdapterInfoResult {
    Objects.requireNonNull(status, "status");
    Ulong.requireUlong("*pBufferSize", bufferSizeBytes);
    if (status.equals(NtStatus.SUCCESS) != (info != null)) {
      throw new IllegalArgumentException(
          "QueryAdapterInfo returns info iff SUCCESS, got " + status);
    }
  }
}
