package org.rnicsim.ndk.api.struct;

import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkRdmaTechnology;

/**
 * Builds an {@link NdkAdapterInfo} field by field; {@link #build()} runs the record's validation,
 * so a builder may pass through invalid states.
 */
public final class NdkAdapterInfoBuilder {

  private NdkVersion version;
  private int vendorId;
  private int deviceId;
  private long maxRegistrationSize;
  private long maxWindowSize;
  private long frmrPageCount;
  private long maxInitiatorRequestSge;
  private long maxReceiveRequestSge;
  private long maxReadRequestSge;
  private long maxTransferLength;
  private long maxInlineDataSize;
  private long maxInboundReadLimit;
  private long maxOutboundReadLimit;
  private long maxReceiveQueueDepth;
  private long maxInitiatorQueueDepth;
  private long maxSrqDepth;
  private long maxCqDepth;
  private long largeRequestThreshold;
  private long maxCallerData;
  private long maxCalleeData;
  private int adapterFlags;
  private NdkRdmaTechnology rdmaTechnology;

  NdkAdapterInfoBuilder() {}

  NdkAdapterInfoBuilder(NdkAdapterInfo info) {
    this.version = info.version();
    this.vendorId = info.vendorId();
    this.deviceId = info.deviceId();
    this.maxRegistrationSize = info.maxRegistrationSize();
    this.maxWindowSize = info.maxWindowSize();
    this.frmrPageCount = info.frmrPageCount();
    this.maxInitiatorRequestSge = info.maxInitiatorRequestSge();
    this.maxReceiveRequestSge = info.maxReceiveRequestSge();
    this.maxReadRequestSge = info.maxReadRequestSge();
    this.maxTransferLength = info.maxTransferLength();
    this.maxInlineDataSize = info.maxInlineDataSize();
    this.maxInboundReadLimit = info.maxInboundReadLimit();
    this.maxOutboundReadLimit = info.maxOutboundReadLimit();
    this.maxReceiveQueueDepth = info.maxReceiveQueueDepth();
    this.maxInitiatorQueueDepth = info.maxInitiatorQueueDepth();
    this.maxSrqDepth = info.maxSrqDepth();
    this.maxCqDepth = info.maxCqDepth();
    this.largeRequestThreshold = info.largeRequestThreshold();
    this.maxCallerData = info.maxCallerData();
    this.maxCalleeData = info.maxCalleeData();
    this.adapterFlags = info.adapterFlags();
    this.rdmaTechnology = info.rdmaTechnology();
  }

  /** Sets Version. */
  public NdkAdapterInfoBuilder version(NdkVersion version) {
    this.version = version;
    return this;
  }

  /** Sets VendorId. */
  public NdkAdapterInfoBuilder vendorId(int vendorId) {
    this.vendorId = vendorId;
    return this;
  }

  /** Sets DeviceId. */
  public NdkAdapterInfoBuilder deviceId(int deviceId) {
    this.deviceId = deviceId;
    return this;
  }

  /** Sets MaxRegistrationSize. */
  public NdkAdapterInfoBuilder maxRegistrationSize(long maxRegistrationSize) {
    this.maxRegistrationSize = maxRegistrationSize;
    return this;
  }

  /** Sets MaxWindowSize. */
  public NdkAdapterInfoBuilder maxWindowSize(long maxWindowSize) {
    this.maxWindowSize = maxWindowSize;
    return this;
  }

  /** Sets FRMRPageCount. */
  public NdkAdapterInfoBuilder frmrPageCount(long frmrPageCount) {
    this.frmrPageCount = frmrPageCount;
    return this;
  }

  /** Sets MaxInitiatorRequestSge. */
  public NdkAdapterInfoBuilder maxInitiatorRequestSge(long maxInitiatorRequestSge) {
    this.maxInitiatorRequestSge = maxInitiatorRequestSge;
    return this;
  }

  /** Sets MaxReceiveRequestSge. */
  public NdkAdapterInfoBuilder maxReceiveRequestSge(long maxReceiveRequestSge) {
    this.maxReceiveRequestSge = maxReceiveRequestSge;
    return this;
  }

  /** Sets MaxReadRequestSge. */
  public NdkAdapterInfoBuilder maxReadRequestSge(long maxReadRequestSge) {
    this.maxReadRequestSge = maxReadRequestSge;
    return this;
  }

  /** Sets MaxTransferLength. */
  public NdkAdapterInfoBuilder maxTransferLength(long maxTransferLength) {
    this.maxTransferLength = maxTransferLength;
    return this;
  }

  /** Sets MaxInlineDataSize. */
  public NdkAdapterInfoBuilder maxInlineDataSize(long maxInlineDataSize) {
    this.maxInlineDataSize = maxInlineDataSize;
    return this;
  }

  /** Sets MaxInboundReadLimit. */
  public NdkAdapterInfoBuilder maxInboundReadLimit(long maxInboundReadLimit) {
    this.maxInboundReadLimit = maxInboundReadLimit;
    return this;
  }

  /** Sets MaxOutboundReadLimit. */
  public NdkAdapterInfoBuilder maxOutboundReadLimit(long maxOutboundReadLimit) {
    this.maxOutboundReadLimit = maxOutboundReadLimit;
    return this;
  }

  /** Sets MaxReceiveQueueDepth. */
  public NdkAdapterInfoBuilder maxReceiveQueueDepth(long maxReceiveQueueDepth) {
    this.maxReceiveQueueDepth = maxReceiveQueueDepth;
    return this;
  }

  /** Sets MaxInitiatorQueueDepth. */
  public NdkAdapterInfoBuilder maxInitiatorQueueDepth(long maxInitiatorQueueDepth) {
    this.maxInitiatorQueueDepth = maxInitiatorQueueDepth;
    return this;
  }

  /** Sets MaxSrqDepth. */
  public NdkAdapterInfoBuilder maxSrqDepth(long maxSrqDepth) {
    this.maxSrqDepth = maxSrqDepth;
    return this;
  }

  /** Sets MaxCqDepth. */
  public NdkAdapterInfoBuilder maxCqDepth(long maxCqDepth) {
    this.maxCqDepth = maxCqDepth;
    return this;
  }

  /** Sets LargeRequestThreshold. */
  public NdkAdapterInfoBuilder largeRequestThreshold(long largeRequestThreshold) {
    this.largeRequestThreshold = largeRequestThreshold;
    return this;
  }

  /** Sets MaxCallerData. */
  public NdkAdapterInfoBuilder maxCallerData(long maxCallerData) {
    this.maxCallerData = maxCallerData;
    return this;
  }

  /** Sets MaxCalleeData. */
  public NdkAdapterInfoBuilder maxCalleeData(long maxCalleeData) {
    this.maxCalleeData = maxCalleeData;
    return this;
  }

  /** Sets AdapterFlags. */
  public NdkAdapterInfoBuilder adapterFlags(int adapterFlags) {
    this.adapterFlags = adapterFlags;
    return this;
  }

  /** Sets RdmaTechnology. */
  public NdkAdapterInfoBuilder rdmaTechnology(NdkRdmaTechnology rdmaTechnology) {
    this.rdmaTechnology = rdmaTechnology;
    return this;
  }

  /** Sets AdapterFlags to the OR of {@code flags}. */
  public NdkAdapterInfoBuilder adapterFlags(NdkAdapterFlag... flags) {
    this.adapterFlags = NdkAdapterFlag.mask(flags);
    return this;
  }

  /**
   * The record.
   *
   * @throws IllegalArgumentException or NullPointerException naming the first bad field
   */
  public NdkAdapterInfo build() {
    return new NdkAdapterInfo(
        version,
        vendorId,
        deviceId,
        maxRegistrationSize,
        maxWindowSize,
        frmrPageCount,
        maxInitiatorRequestSge,
        maxReceiveRequestSge,
        maxReadRequestSge,
        maxTransferLength,
        maxInlineDataSize,
        maxInboundReadLimit,
        maxOutboundReadLimit,
        maxReceiveQueueDepth,
        maxInitiatorQueueDepth,
        maxSrqDepth,
        maxCqDepth,
        largeRequestThreshold,
        maxCallerData,
        maxCalleeData,
        adapterFlags,
        rdmaTechnology);
  }
}
