package org.rnicsim.ndk.api.status;

import java.util.Map;

/**
 * An NDIS_STATUS value, as returned by NDIS {@code OPEN_NDK_ADAPTER_HANDLER} (ndkpi-spec 2,
 * invariant 34). NDIS_STATUS is an NTSTATUS underneath; this separate type keeps an open result
 * from being mixed up with an NDKPI call result. Values from ndis.h.
 *
 * @param code the NDIS_STATUS bit pattern as a signed 32-bit int
 */
public record NdisStatus(int code) {

  /** NDIS_STATUS_SUCCESS: the adapter is open and reports the negotiated version. */
  public static final NdisStatus SUCCESS = new NdisStatus(0x0000_0000);

  /** NDIS_STATUS_RESOURCES (= STATUS_INSUFFICIENT_RESOURCES). */
  public static final NdisStatus RESOURCES = new NdisStatus(0xC000_009A);

  /** NDIS_STATUS_BAD_VERSION: major differs, or requested minor above the provider's maximum. */
  public static final NdisStatus BAD_VERSION = new NdisStatus(0xC001_0004);

  /** NDIS_STATUS_ADAPTER_NOT_READY: NDK is disabled on the miniport. */
  public static final NdisStatus ADAPTER_NOT_READY = new NdisStatus(0xC001_0011);

  private static final Map<Integer, String> NAMES =
      Map.of(
          SUCCESS.code, "NDIS_STATUS_SUCCESS",
          RESOURCES.code, "NDIS_STATUS_RESOURCES",
          BAD_VERSION.code, "NDIS_STATUS_BAD_VERSION",
          ADAPTER_NOT_READY.code, "NDIS_STATUS_ADAPTER_NOT_READY");

  /** The ndis.h name, or the hex code if unnamed. */
  public String name() {
    return NAMES.getOrDefault(code, String.format("0x%08X", code));
  }

  /** {@code NT_SUCCESS} semantics, as for {@link NtStatus#isSuccess()}. */
  public boolean isSuccess() {
    return code >= 0;
  }

  /** {@code NT_ERROR} semantics, as for {@link NtStatus#isError()}. */
  public boolean isError() {
    return (code >>> 30) == 3;
  }

  @Override
  public String toString() {
    return name() + String.format(" (0x%08X)", code);
  }
}
