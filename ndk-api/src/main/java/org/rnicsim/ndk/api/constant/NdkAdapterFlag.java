package org.rnicsim.ndk.api.constant;

/**
 * NDK_ADAPTER_FLAG_* (ndkinfo.h, ndkpi-spec 6): the {@code AdapterFlags} of NDK_ADAPTER_INFO. Names
 * keep the header's {@code _SUPPORTED} suffixes.
 */
public enum NdkAdapterFlag {
  /** NDK_ADAPTER_FLAG_IN_ORDER_DMA_SUPPORTED 0x1. */
  IN_ORDER_DMA_SUPPORTED(0x0000_0001),
  /** NDK_ADAPTER_FLAG_RDMA_READ_SINK_NOT_REQUIRED 0x2. */
  RDMA_READ_SINK_NOT_REQUIRED(0x0000_0002),
  /** NDK_ADAPTER_FLAG_CQ_INTERRUPT_MODERATION_SUPPORTED 0x4 (invariant 31). */
  CQ_INTERRUPT_MODERATION_SUPPORTED(0x0000_0004),
  /** NDK_ADAPTER_FLAG_MULTI_ENGINE_SUPPORTED 0x8. */
  MULTI_ENGINE_SUPPORTED(0x0000_0008),
  /** NDK_ADAPTER_FLAG_RDMA_READ_LOCAL_INVALIDATE_SUPPORTED 0x10 (NDKPI 1.2). */
  RDMA_READ_LOCAL_INVALIDATE_SUPPORTED(0x0000_0010),
  /** NDK_ADAPTER_FLAG_CQ_RESIZE_SUPPORTED 0x100: ResizeCq may be called only if set. */
  CQ_RESIZE_SUPPORTED(0x0000_0100),
  /** NDK_ADAPTER_FLAG_LOOPBACK_CONNECTIONS_SUPPORTED 0x10000. */
  LOOPBACK_CONNECTIONS_SUPPORTED(0x0001_0000);

  private final int value;

  NdkAdapterFlag(int value) {
    this.value = value;
  }

  /** The header value. */
  public int value() {
    return value;
  }

  /** True if this flag is set in {@code adapterFlags}. */
  public boolean isSetIn(int adapterFlags) {
    return (adapterFlags & value) == value;
  }

  /** The bitwise OR of the given flags. */
  public static int mask(NdkAdapterFlag... flags) {
    int mask = 0;
    for (NdkAdapterFlag flag : flags) {
      mask |= flag.value;
    }
    return mask;
  }

  /** The bits of {@code adapterFlags} that no NDK_ADAPTER_FLAG defines. */
  public static int undefinedBits(int adapterFlags) {
    return adapterFlags & ~mask(values());
  }
}
