package org.rnicsim.ndk.api.struct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkRdmaTechnology;

class NdkAdapterInfoTest {

  /** A plausible RoCEv2 adapter; each test breaks one field. */
  static NdkAdapterInfoBuilder valid() {
    return NdkAdapterInfo.builder()
        .version(NdkVersion.V1_2)
        .vendorId(0x02C9)
        .deviceId(0x1017)
        .maxRegistrationSize(1L << 40)
        .maxWindowSize(1L << 40)
        .frmrPageCount(256)
        .maxInitiatorRequestSge(16)
        .maxReceiveRequestSge(16)
        .maxReadRequestSge(16)
        .maxTransferLength(1 << 30)
        .maxInlineDataSize(256)
        .maxInboundReadLimit(16)
        .maxOutboundReadLimit(16)
        .maxReceiveQueueDepth(32768)
        .maxInitiatorQueueDepth(32768)
        .maxSrqDepth(32768)
        .maxCqDepth(4_194_303)
        .largeRequestThreshold(65536)
        .maxCallerData(56)
        .maxCalleeData(148)
        .adapterFlags(
            NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED, NdkAdapterFlag.CQ_RESIZE_SUPPORTED)
        .rdmaTechnology(NdkRdmaTechnology.ROCEV2);
  }

  private static String rejection(NdkAdapterInfoBuilder builder) {
    return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
  }

  @Test
  void validInfoBuilds_andReportsItsFlags() {
    NdkAdapterInfo info = valid().build();
    assertTrue(info.hasFlag(NdkAdapterFlag.CQ_RESIZE_SUPPORTED));
    assertFalse(info.hasFlag(NdkAdapterFlag.LOOPBACK_CONNECTIONS_SUPPORTED));
    assertEquals(0x104, info.adapterFlags());
    assertTrue(info.supportsSrq());
  }

  @Test
  void frmrPageCountBelowSixteenIsRejected_sixteenIsAccepted() {
    assertTrue(rejection(valid().frmrPageCount(15)).contains("FRMRPageCount"));
    assertEquals(16, valid().frmrPageCount(16).build().frmrPageCount());
  }

  @Test
  void ulongFieldAboveMaxulongIsRejected_namingTheField() {
    assertTrue(rejection(valid().maxCqDepth(Ulong.MAXULONG + 1)).contains("MaxCqDepth"));
    assertTrue(rejection(valid().maxCallerData(-1)).contains("MaxCallerData"));
  }

  @Test
  void zeroDepthOrSgeCountIsRejected() {
    assertTrue(rejection(valid().maxCqDepth(0)).contains("MaxCqDepth"));
    assertTrue(rejection(valid().maxInitiatorQueueDepth(0)).contains("MaxInitiatorQueueDepth"));
    assertTrue(rejection(valid().maxReceiveRequestSge(0)).contains("MaxReceiveRequestSge"));
  }

  @Test
  void zeroSrqDepthMeansNoSrqSupport() {
    NdkAdapterInfo info = valid().maxSrqDepth(0).build();
    assertFalse(info.supportsSrq());
  }

  @Test
  void undefinedAdapterFlagBitsAreRejected() {
    assertTrue(rejection(valid().adapterFlags(0x20)).contains("AdapterFlags"));
  }

  @Test
  void maxTechnologyIsABoundNotATechnology() {
    assertTrue(rejection(valid().rdmaTechnology(NdkRdmaTechnology.MAX_TECHNOLOGY)).contains("Max"));
  }

  @Test
  void missingVersionIsRejected() {
    assertThrows(NullPointerException.class, () -> valid().version(null).build());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    NdkAdapterInfo original = valid().build();
    NdkAdapterInfo changed = original.toBuilder().maxCqDepth(1024).build();
    assertEquals(1024, changed.maxCqDepth());
    assertEquals(original, changed.toBuilder().maxCqDepth(original.maxCqDepth()).build());
  }

  @Test
  void capabilitiesRequireTheInfoTheyPointTo() {
    assertThrows(
        NullPointerException.class, () -> new NdkCapabilities(1, 1, 1, 1, 0, 0, 1, 1, null));
    NdkCapabilities caps =
        new NdkCapabilities(1000, 1000, 1000, 10, 0, 64, 100, 10, valid().build());
    assertFalse(caps.hasAdapterWideInboundReadLimit());
    assertTrue(caps.hasAdapterWideOutboundReadLimit());
  }
}
