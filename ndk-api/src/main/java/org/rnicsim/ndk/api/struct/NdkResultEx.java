package org.rnicsim.ndk.api.struct;

import java.util.Objects;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * NDK_RESULT_EX (ndkpi-spec 5, Results): one completion dequeued by GetCqResultsEx, in the newer
 * layout with ProviderErrorCode.
 *
 * @param status the request's outcome
 * @param bytesTransferred ULONG, meaningful for receives only
 * @param qpContext the QPContext given to CreateQp (invariant 23)
 * @param requestContext the RequestContext given to the post (invariant 23)
 * @param type which operation completed; ReceiveAndInvalidate for the receiver of a
 *     SendAndInvalidate, Send for its sender (invariant 24)
 * @param providerErrorCode ULONG, 0 on success
 * @param typeSpecificCompletionOutput ULONG_PTR; the invalidated token for ReceiveAndInvalidate
 */
public record NdkResultEx(
    NtStatus status,
    long bytesTransferred,
    Object qpContext,
    Object requestContext,
    NdkOperationType type,
    long providerErrorCode,
    long typeSpecificCompletionOutput) {

  /** Checks the status and type are present and the ULONG fields fit. */
  public NdkResultEx {
    Objects.requireNonNull(status, "Status");
    Objects.requireNonNull(type, "Type");
    Ulong.requireUlong("NDK_RESULT_EX.BytesTransferred", bytesTransferred);
    Ulong.requireUlong("NDK_RESULT_EX.ProviderErrorCode", providerErrorCode);
  }

  /** The same completion as a plain GetCqResults would report it. */
  public NdkResult toResult() {
    return new NdkResult(status, bytesTransferred, qpContext, requestContext);
  }
}
