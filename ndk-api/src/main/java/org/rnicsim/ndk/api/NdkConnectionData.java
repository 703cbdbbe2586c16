package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Ulong;

/**
 * What {@link NdkConnector#getConnectionData} returns, for the C out-parameters {@code
 * *pInboundReadLimit}, {@code *pOutboundReadLimit} and {@code *pPrivateDataLength}; the private
 * data itself is copied into the caller's buffer.
 *
 * @param status SUCCESS, BUFFER_TOO_SMALL (partial copy), or another failure
 * @param inboundReadLimit effective IRD of the connection
 * @param outboundReadLimit effective ORD of the connection
 * @param privateDataLength bytes of private data the peer sent (the required size)
 */
public record NdkConnectionData(
    NtStatus status, long inboundReadLimit, long outboundReadLimit, long privateDataLength) {

  /** Checks the status is present and the ULONG fields fit. */
  public NdkConnectionData {
    Objects.requireNonNull(status, "status");
    Ulong.requireUlong("InboundReadLimit", inboundReadLimit);
    Ulong.requireUlong("OutboundReadLimit", outboundReadLimit);
    Ulong.requireUlong("PrivateDataLength", privateDataLength);
  }
}
