package org.rnicsim.ndk.api.struct;

import java.util.Objects;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkRdmaTechnology;

/**
 * NDK_ADAPTER_INFO (ndkinfo.h; ndkpi-spec 6): the limits and capabilities QueryAdapterInfo reports.
 * The maxima bound every create (invariant 30). Build one with {@link #builder()}.
 *
 * <p>Validation: ULONG fields must fit a ULONG, SIZE_T fields be non-negative, FRMRPageCount be at
 * least 16 (ndkpi-spec 6), AdapterFlags carry only defined bits and RdmaTechnology not be the
 * NdkMaxTechnology bound. Project rule beyond ndkpi: the SGE counts, queue and CQ depths, the
 * maximum transfer length and registration size must be at least 1, since an adapter reporting 0
 * could carry no work at all. Zero stays legal where it means "none" (MaxSrqDepth 0 = no SRQ,
 * MaxInlineDataSize, read limits, private data sizes, MaxWindowSize).
 *
 * @param version the negotiated NDKPI version
 * @param vendorId UINT32, the vendor's IEEE OUI
 * @param deviceId UINT32, vendor-assigned
 * @param maxRegistrationSize SIZE_T, largest MR in bytes
 * @param maxWindowSize SIZE_T, largest MW in bytes
 * @param frmrPageCount largest page count of a fast-register MR (&ge; 16)
 * @param maxInitiatorRequestSge SGEs per initiator request
 * @param maxReceiveRequestSge SGEs per receive request
 * @param maxReadRequestSge SGEs per read request (overrides the initiator limit for reads)
 * @param maxTransferLength largest sum of SGE lengths of one request, bytes
 * @param maxInlineDataSize largest inline payload, bytes
 * @param maxInboundReadLimit per-QP incoming RDMA read limit (IRD)
 * @param maxOutboundReadLimit per-QP outgoing RDMA read limit (ORD)
 * @param maxReceiveQueueDepth receive queue depth per QP
 * @param maxInitiatorQueueDepth initiator queue depth per QP
 * @param maxSrqDepth SRQ depth; 0 means no SRQ support
 * @param maxCqDepth CQ depth
 * @param largeRequestThreshold bytes above which Read/Write beats Send/Receive
 * @param maxCallerData private data bytes on Connect
 * @param maxCalleeData private data bytes on Accept and Reject
 * @param adapterFlags OR of {@link NdkAdapterFlag} values
 * @param rdmaTechnology the wire protocol
 */
public record NdkAdapterInfo(
    NdkVersion version,
    int vendorId,
    int deviceId,
    long maxRegistrationSize,
    long maxWindowSize,
    long frmrPageCount,
    long maxInitiatorRequestSge,
    long maxReceiveRequestSge,
    long maxReadRequestSge,
    long maxTransferLength,
    long maxInlineDataSize,
    long maxInboundReadLimit,
    long maxOutboundReadLimit,
    long maxReceiveQueueDepth,
    long maxInitiatorQueueDepth,
    long maxSrqDepth,
    long maxCqDepth,
    long largeRequestThreshold,
    long maxCallerData,
    long maxCalleeData,
    int adapterFlags,
    NdkRdmaTechnology rdmaTechnology) {

  /**
   * sizeof(NDK_ADAPTER_INFO) on x64 with RdmaTechnology: 100 bytes of fields padded to 8. What
   * QueryAdapterInfo needs in *pBufferSize before it stops answering STATUS_BUFFER_TOO_SMALL.
   */
  public static final long SIZE_BYTES = 104;

  /** The smallest FRMRPageCount a provider may report (ndkpi-spec 6). */
  public static final long MIN_FRMR_PAGE_COUNT = 16;

  /** Checks every field; see the class comment for the rules. */
  public NdkAdapterInfo {
    Objects.requireNonNull(version, "Version");
    Objects.requireNonNull(rdmaTechnology, "RdmaTechnology");
    if (rdmaTechnology == NdkRdmaTechnology.MAX_TECHNOLOGY) {
      throw new IllegalArgumentException("RdmaTechnology NdkMaxTechnology is a bound, not a value");
    }
    Ulong.requireSizeT("MaxRegistrationSize", maxRegistrationSize);
    Ulong.requireSizeT("MaxWindowSize", maxWindowSize);
    Ulong.requireUlong("FRMRPageCount", frmrPageCount);
    if (frmrPageCount < MIN_FRMR_PAGE_COUNT) {
      throw new IllegalArgumentException(
          "FRMRPageCount must be >= " + MIN_FRMR_PAGE_COUNT + ", got " + frmrPageCount);
    }
    if (maxRegistrationSize < 1) {
      throw new IllegalArgumentException(
          "MaxRegistrationSize must be at least 1, got " + maxRegistrationSize);
    }
    atLeastOne("MaxInitiatorRequestSge", maxInitiatorRequestSge);
    atLeastOne("MaxReceiveRequestSge", maxReceiveRequestSge);
    atLeastOne("MaxReadRequestSge", maxReadRequestSge);
    atLeastOne("MaxTransferLength", maxTransferLength);
    Ulong.requireUlong("MaxInlineDataSize", maxInlineDataSize);
    Ulong.requireUlong("MaxInboundReadLimit", maxInboundReadLimit);
    Ulong.requireUlong("MaxOutboundReadLimit", maxOutboundReadLimit);
    atLeastOne("MaxReceiveQueueDepth", maxReceiveQueueDepth);
    atLeastOne("MaxInitiatorQueueDepth", maxInitiatorQueueDepth);
    Ulong.requireUlong("MaxSrqDepth", maxSrqDepth);
    atLeastOne("MaxCqDepth", maxCqDepth);
    Ulong.requireUlong("LargeRequestThreshold", largeRequestThreshold);
    Ulong.requireUlong("MaxCallerData", maxCallerData);
    Ulong.requireUlong("MaxCalleeData", maxCalleeData);
    int undefined = NdkAdapterFlag.undefinedBits(adapterFlags);
    if (undefined != 0) {
      throw new IllegalArgumentException(
          String.format("AdapterFlags has undefined bits 0x%08X", undefined));
    }
  }

  private static void atLeastOne(String field, long value) {
    Ulong.requireUlong(field, value);
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, got " + value);
    }
  }

  /** True if {@code flag} is set in AdapterFlags. */
  public boolean hasFlag(NdkAdapterFlag flag) {
    return flag.isSetIn(adapterFlags);
  }

  /** True if the adapter supports SRQs (MaxSrqDepth &gt; 0). */
  public boolean supportsSrq() {
    return maxSrqDepth > 0;
  }

  /** A builder initialised from this record, to change a few fields. */
  public NdkAdapterInfoBuilder toBuilder() {
    return new NdkAdapterInfoBuilder(this);
  }

  /** A builder with every field zero or null; set them all, then {@code build()}. */
  public static NdkAdapterInfoBuilder builder() {
    return new NdkAdapterInfoBuilder();
  }
}
