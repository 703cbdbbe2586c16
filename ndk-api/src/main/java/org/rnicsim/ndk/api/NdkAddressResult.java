package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * What the GetLocalAddress and GetPeerAddress entries return, for the C {@code pAddress}
 * out-parameter (the address length is implied by the family, so BUFFER_TOO_SMALL cannot occur).
 *
 * @param status SUCCESS or a failure
 * @param address the address iff SUCCESS, else null
 */
public record NdkAddressResult(NtStatus status, NdkSockAddr address) {

  /** Enforces "address present iff SUCCESS". */
  public NdkAddressResult {
    Objects.requireNonNull(status, "status");
    if (status.equals(NtStatus.SUCCESS) != (address != null)) {
      throw new IllegalArgumentException("an address is returned iff SUCCESS, got " + status);
    }
  }
}
