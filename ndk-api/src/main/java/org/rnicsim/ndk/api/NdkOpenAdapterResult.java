package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NdisStatus;

/**
 * What {@link NdkProvider#openAdapter} returns: the NDIS_STATUS plus, for the C {@code
 * **ppNdkAdapter} out-parameter, the adapter iff the status is NDIS_STATUS_SUCCESS (OpenAdapter is
 * synchronous, ndkpi-spec 2).
 *
 * @param status the open's result
 * @param adapter the new adapter iff {@code status} is SUCCESS, else null
 */
public record NdkOpenAdapterResult(NdisStatus status, NdkAdapter adapter) {

  /** Enforces "adapter present iff SUCCESS". */
  public NdkOpenAdapterResult {
    Objects.requireNonNull(status, "status");
    boolean success = status.equals(NdisStatus.SUCCESS);
    if (success != (adapter != null)) {
      throw new IllegalArgumentException(
          "OpenAdapter returns an adapter iff NDIS_STATUS_SUCCESS, got " + status);
    }
  }

  /** A successful open. */
  public static NdkOpenAdapterResult opened(NdkAdapter adapter) {
    return new NdkOpenAdapterResult(NdisStatus.SUCCESS, Objects.requireNonNull(adapter));
  }

  /** A failed open (BAD_VERSION, ADAPTER_NOT_READY, RESOURCES ...). */
  public static NdkOpenAdapterResult failed(NdisStatus status) {
    return new NdkOpenAdapterResult(status, null);
  }
}
