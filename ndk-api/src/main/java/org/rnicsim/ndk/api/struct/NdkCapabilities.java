package org.rnicsim.ndk.api.struct;

import java.util.Objects;

/**
 * NDIS_NDK_CAPABILITIES (ntddndis.h; ndkpi-spec 6, [CAPS]): the adapter-wide object counts a
 * miniport reports to NDIS, alongside the per-object maxima of NDK_ADAPTER_INFO. The NDIS object
 * header, Flags and MissingCounterMask are left out: nothing in the simulation reads them.
 *
 * @param maxQpCount QPs the adapter can hold at once
 * @param maxCqCount CQs
 * @param maxMrCount MRs
 * @param maxPdCount PDs
 * @param maxInboundReadLimit adapter-wide incoming RDMA read limit, 0 = none beyond per-QP
 * @param maxOutboundReadLimit adapter-wide outgoing RDMA read limit, 0 = none beyond per-QP
 * @param maxMwCount MWs
 * @param maxSrqCount SRQs
 * @param ndkInfo the NDK_ADAPTER_INFO this block points to
 */
public record NdkCapabilities(
    long maxQpCount,
    long maxCqCount,
    long maxMrCount,
    long maxPdCount,
    long maxInboundReadLimit,
    long maxOutboundReadLimit,
    long maxMwCount,
    long maxSrqCount,
    NdkAdapterInfo ndkInfo) {

  /** Checks the counts fit a ULONG and NdkInfo is present. */
  public NdkCapabilities {
    Ulong.requireUlong("MaxQpCount", maxQpCount);
    Ulong.requireUlong("MaxCqCount", maxCqCount);
    Ulong.requireUlong("MaxMrCount", maxMrCount);
    Ulong.requireUlong("MaxPdCount", maxPdCount);
    Ulong.requireUlong("MaxInboundReadLimit", maxInboundReadLimit);
    Ulong.requireUlong("MaxOutboundReadLimit", maxOutboundReadLimit);
    Ulong.requireUlong("MaxMwCount", maxMwCount);
    Ulong.requireUlong("MaxSrqCount", maxSrqCount);
    Objects.requireNonNull(ndkInfo, "NdkInfo");
  }

  /** True if an adapter-wide inbound read limit applies on top of the per-QP one. */
  public boolean hasAdapterWideInboundReadLimit() {
    return maxInboundReadLimit != 0;
  }

  /** True if an adapter-wide outbound read limit applies on top of the per-QP one. */
  public boolean hasAdapterWideOutboundReadLimit() {
    return maxOutboundReadLimit != 0;
  }
}
