package org.rnicsim.ndk.api.struct;

import java.util.Objects;

/**
 * NDIS_OPEN_NDK_ADAPTER_PARAMETERS {NDK_VERSION Version; ULONG SwitchId; ULONG VPortId} (ndisndk.h;
 * ndkpi-spec 2, OpenAdapter).
 *
 * @param version the major version the consumer needs and the lowest minor it can support
 *     (invariant 34)
 * @param switchId NDIS_SWITCH_ID, 0 when no virtual switch is involved
 * @param vPortId NDIS_NIC_SWITCH_VPORT_ID, 0 for the default VPort
 */
public record NdisOpenNdkAdapterParameters(NdkVersion version, long switchId, long vPortId) {

  /** Checks Version is present and the ids fit a ULONG. */
  public NdisOpenNdkAdapterParameters {
    Objects.requireNonNull(version, "Version");
    Ulong.requireUlong("SwitchId", switchId);
    Ulong.requireUlong("VPortId", vPortId);
  }

  /** Parameters asking for {@code version} on the default switch and VPort. */
  public static NdisOpenNdkAdapterParameters of(NdkVersion version) {
    return new NdisOpenNdkAdapterParameters(version, 0, 0);
  }
}
