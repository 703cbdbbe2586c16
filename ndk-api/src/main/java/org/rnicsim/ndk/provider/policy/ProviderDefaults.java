package org.rnicsim.ndk.provider.policy;

import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkRdmaTechnology;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * The adapter a provider reports when no profile says otherwise. All numbers are assumptions of the
 * order a current 100 GbE RoCEv2 adapter reports; none comes from a calibration source.
 */
public final class ProviderDefaults {
  private ProviderDefaults() {}

  /**
   * NDK_ADAPTER_INFO of an NDKPI 1.2 RoCEv2 adapter: 16 SGEs, 256 B inline, 16K-entry queues,
   * 4M-entry CQs, CQ resize and interrupt moderation supported. Assumption.
   */
  public static NdkAdapterInfo adapterInfo() {
    return NdkAdapterInfo.builder()
        .version(NdkVersion.V1_2)
        .vendorId(0x0002C9)
        .deviceId(0x1017)
        .maxRegistrationSize(1L << 40)
        .maxWindowSize(1L << 40)
        .frmrPageCount(256)
        .maxInitiatorRequestSge(16)
        .maxReceiveRequestSge(16)
        .maxReadRequestSge(16)
        .maxTransferLength(1L << 30)
        .maxInlineDataSize(256)
        .maxInboundReadLimit(16)
        .maxOutboundReadLimit(16)
        .maxReceiveQueueDepth(16_384)
        .maxInitiatorQueueDepth(16_384)
        .maxSrqDepth(16_384)
        .maxCqDepth(4_194_303)
        .largeRequestThreshold(65_536)
        .maxCallerData(56)
        .maxCalleeData(148)
        .adapterFlags(
            NdkAdapterFlag.IN_ORDER_DMA_SUPPORTED,
            NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED,
            NdkAdapterFlag.MULTI_ENGINE_SUPPORTED,
            NdkAdapterFlag.CQ_RESIZE_SUPPORTED,
            NdkAdapterFlag.LOOPBACK_CONNECTIONS_SUPPORTED)
        .rdmaTechnology(NdkRdmaTechnology.ROCEV2)
        .build();
  }

  /** NDIS_NDK_CAPABILITIES with {@link #adapterInfo()}: 64K QPs and CQs, 1M MRs. Assumption. */
  public static NdkCapabilities capabilities() {
    return capabilities(adapterInfo());
  }

  /** The default adapter-wide counts around another NDK_ADAPTER_INFO. */
  public static NdkCapabilities capabilities(NdkAdapterInfo info) {
    return new NdkCapabilities(65_536, 65_536, 1_048_576, 32_768, 0, 0, 65_536, 16_384, info);
  }
}
