package org.rnicsim.ndk.provider.connection;

import java.util.Arrays;
import org.rnicsim.ndk.api.NdkConnectionData;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;

/**
 * What one side of a connection asked for and what the peer sent (ndkpi-spec 4, connection flow):
 * read limits and private data, and the GetConnectionData answer built from them. IRD and ORD are
 * capped by the adapter's maxima and by the peer's opposite limit.
 */
final class ConnectionTerms {
  long inboundReadLimit = Long.MAX_VALUE;
  long outboundReadLimit = Long.MAX_VALUE;
  long peerInboundReadLimit;
  long peerOutboundReadLimit;
  byte[] peerPrivateData = new byte[0];

  /** Records what the peer sent. */
  void fromPeer(long peerIrd, long peerOrd, byte[] privateData) {
    peerInboundReadLimit = peerIrd;
    peerOutboundReadLimit = peerOrd;
    peerPrivateData = privateData;
  }

  /**
   * NdkGetConnectionData: the effective limits and the peer's private data. A null buffer gives
   * SUCCESS with the size; a short one a partial copy and BUFFER_TOO_SMALL.
   */
  NdkConnectionData connectionData(byte[] buffer, NdkAdapterInfo info) {
    long ird = min(inboundReadLimit, peerOutboundReadLimit, info.maxInboundReadLimit());
    long ord = min(outboundReadLimit, peerInboundReadLimit, info.maxOutboundReadLimit());
    long length = peerPrivateData.length;
    NtStatus status = NtStatus.SUCCESS;
    if (buffer != null) {
      int n = Math.min(buffer.length, peerPrivateData.length);
      System.arraycopy(peerPrivateData, 0, buffer, 0, n);
      if (n < length) {
        status = NtStatus.BUFFER_TOO_SMALL;
      }
    }
    return new NdkConnectionData(status, ird, ord, length);
  }

  private static long min(long a, long b, long c) {
    return Math.min(a, Math.min(b, c));
  }

  /** A private copy of consumer data (null = none). */
  static byte[] copy(byte[] data) {
    return data == null ? new byte[0] : Arrays.copyOf(data, data.length);
  }

  static boolean tooLong(byte[] data, long max) {
    return data != null && data.length > max;
  }
}
