package org.rnicsim.ndk.api.struct;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_RESULT (ndkpi-spec 5, Results): one completion dequeued by GetCqResults.
 *
 * @param status the request's outcome; {@link NtStatus#CANCELLED} for a flushed request
 * @param bytesTransferred ULONG, meaningful for receives only
 * @param qpContext the QPContext given to CreateQp (invariant 23)
 * @param requestContext the RequestContext given to the post (invariant 23)
 */
public record NdkResult(
    NtStatus status, long bytesTransferred, Object qpContext, Object requestContext) {

  /** Checks the status is present and BytesTransferred fits a ULONG. */
  public NdkResult {
    Objects.requireNonNull(status, "Status");
    Ulong.requireUlong("NDK_RESULT.BytesTransferred", bytesTransferred);
  }
}
