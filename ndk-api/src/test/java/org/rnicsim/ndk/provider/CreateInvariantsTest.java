package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderDefaults;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/** Creates: invariants 1-4, 30 and 34 (ndkpi-spec 2). */
class CreateInvariantsTest {

  @Test
  void invariant01_createCallbackRunsOnceIffThePendingCreateReturnedPending() {
    ProviderRig rig = new ProviderRig();
    ProviderRig.Created<NdkCq> pending =
        rig.startCreate(cb -> rig.adapter.createCq(64, null, null, null, cb, null));
    ProviderRig.Created<NdkPd> inline = rig.startCreate(cb -> rig.adapter.createPd(cb, null));
    ProviderRig.Created<NdkCq> failed =
        rig.startCreate(cb -> rig.adapter.createCq(0, null, null, null, cb, null));
    rig.run();
    assertEquals(NtStatus.PENDING, pending.inlineStatus, "CQ create goes to firmware by default");
    assertEquals(1, pending.callbacks);
    assertEquals(NtStatus.SUCCESS, inline.inlineStatus, "PD create is inline by default");
    assertEquals(0, inline.callbacks);
    assertEquals(NtStatus.INVALID_PARAMETER, failed.inlineStatus);
    assertEquals(0, failed.callbacks);
  }

  @Test
  void invariant01_pendingCreateCompletesAfterFirmwareEqeInterruptAndDpc() {
    ProviderRig rig = new ProviderRig();
    ProviderRig.Created<NdkCq> pending =
        rig.startCreate(cb -> rig.adapter.createCq(64, null, null, null, cb, null));
    rig.run();
    HardwareConfig hw = HardwareConfig.assumedDefaults();
    long withoutPciePs =
        30 * SimTime.PS_PER_US // CREATE_CQ latency (rnic-model assumed default)
            + hw.interruptCosts().isrCostPs() // ISR, then the DPC starts (handler runs there)
            + hw.interruptCosts().dpcCostPs() // callback queued behind the DPC on its core
            + ProviderPolicy.defaults().completionDpcCostPs();
    // The EQE write and the MSI-X right behind it cross the adapter's idle PCIe link: its flight
    // latency plus two small TLPs' serialisation.
    long pciePs = pending.callbackPs - withoutPciePs;
    long flightPs = rig.provider.hardware().node().rnic().pcie().flightLatencyPs();
    assertTrue(
        pciePs >= flightPs && pciePs < flightPs + 20 * SimTime.PS_PER_NS,
        "EQE and MSI-X over PCIe took " + SimTime.format(pciePs));
  }

  @Test
  void invariant02_pendingCreateDeliversTheObjectOnlyThroughTheCallback() {
    ProviderRig rig = new ProviderRig();
    ProviderRig.Created<NdkCq> pending =
        rig.startCreate(cb -> rig.adapter.createCq(64, null, null, null, cb, null));
    assertNull(pending.inlineObject, "*ppObj is not written on PENDING");
    rig.run();
    assertEquals(NtStatus.SUCCESS, pending.callbackStatus);
    assertInstanceOf(NdkCq.class, pending.callbackObject);
    ProviderRig.Created<NdkPd> inline = rig.startCreate(cb -> rig.adapter.createPd(cb, null));
    assertInstanceOf(NdkPd.class, inline.inlineObject, "SUCCESS delivers in *ppObj");
  }

  @Test
  void invariant03_asyncFailureDeliversNoObjectAndLeavesNoCloseObligation() {
    ProviderRig rig = new ProviderRig();
    rig.provider
        .runtime()
        .firmware()
        .failNext(FirmwareCommandKind.CREATE_CQ, NtStatus.INSUFFICIENT_RESOURCES);
    ProviderRig.Created<NdkCq> failed =
        rig.startCreate(cb -> rig.adapter.createCq(64, null, null, null, cb, null));
    assertEquals(NtStatus.PENDING, failed.inlineStatus);
    rig.run();
    assertEquals(1, failed.callbacks);
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, failed.callbackStatus);
    assertNull(failed.callbackObject);
    assertEquals(0, rig.provider.runtime().resources().inUse(NdkObjectType.CQ));
    // Nothing to close: the adapter closes without the consumer closing anything.
    rig.provider.closeAdapter(rig.adapter);
  }

  @Test
  void invariant03_inlineFailureWhenAdapterCountIsExhausted() {
    NdkCapabilities caps = ProviderDefaults.capabilities();
    NdkCapabilities oneCq =
        new NdkCapabilities(
            caps.maxQpCount(),
            1,
            caps.maxMrCount(),
            caps.maxPdCount(),
            0,
            0,
            caps.maxMwCount(),
            caps.maxSrqCount(),
            caps.ndkInfo());
    ProviderRig rig = new ProviderRig(b -> b.capabilities(oneCq));
    rig.cq(8);
    ProviderRig.Created<NdkCq> second =
        rig.startCreate(cb -> rig.adapter.createCq(8, null, null, null, cb, null));
    rig.run();
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, second.inlineStatus);
    assertEquals(0, second.callbacks);
  }

  @Test
  void invariant03_asyncTimeoutOfTheCreateCommandDeliversNoObject() {
    ProviderRig rig =
        new ProviderRig(
            b ->
                b.hardware(
                    HardwareConfig.assumedDefaults()
                        .withFirmware(
                            HardwareConfig.assumedDefaults()
                                .firmware()
                                .withDriverTimeoutPs(100 * SimTime.PS_PER_US))));
    rig.provider.hardware().firmware().injectHangAt(0);
    ProviderRig.Created<NdkCq> failed =
        rig.startCreate(cb -> rig.adapter.createCq(64, null, null, null, cb, null));
    rig.run();
    assertEquals(NtStatus.IO_TIMEOUT, failed.callbackStatus);
    assertNull(failed.callbackObject);
  }

  @Test
  void invariant04_everyDeliveredObjectHasTheRightHeader() {
    for (ProviderPolicy policy :
        List.of(
            ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE),
            ProviderPolicy.defaults().withAllPaths(ControlPath.FIRMWARE))) {
      ProviderRig rig = new ProviderRig(policy);
      NdkVersion version = rig.provider.runtime().version();
      assertHeader(rig.adapter, NdkObjectType.ADAPTER, version);
      NdkCq cq = rig.cq(16);
      NdkPd pd = rig.pd();
      NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
      NdkMw mw = rig.create(cb -> pd.createMw(cb, null));
      NdkSrq srq = rig.create(cb -> pd.createSrq(16, 2, 0, null, null, null, cb, null));
      NdkQp qp = rig.qp(pd, cq, "ctx");
      NdkQp qpWithSrq =
          rig.create(cb -> pd.createQpWithSrq(cq, cq, srq, "ctx2", 16, 2, 0, cb, null));
      assertHeader(cq, NdkObjectType.CQ, version);
      assertHeader(pd, NdkObjectType.PD, version);
      assertHeader(mr, NdkObjectType.MR, version);
      assertHeader(mw, NdkObjectType.MW, version);
      assertHeader(srq, NdkObjectType.SRQ, version);
      assertHeader(qp, NdkObjectType.QP, version);
      assertHeader(qpWithSrq, NdkObjectType.QP, version);
    }
  }

  private static void assertHeader(NdkObject object, NdkObjectType type, NdkVersion version) {
    assertEquals(List.of(), object.header().deliveryViolations(type, version), object.toString());
  }

  @Test
  void invariant30_createsRejectEveryLimitAboveAdapterInfoWithInvalidParameter() {
    ProviderRig rig = new ProviderRig();
    NdkAdapterInfo info = rig.provider.runtime().adapterInfo();
    NdkCq cq = rig.cq(16);
    NdkPd pd = rig.pd();
    NdkSrq srq = rig.create(cb -> pd.createSrq(16, 2, 0, null, null, null, cb, null));
    long maxCq = info.maxCqDepth();
    List<NtStatus> statuses =
        List.of(
            rig.adapter.createCq(maxCq + 1, null, null, null, (c, s, o) -> {}, null).status(),
            pd.createQp(cq, cq, null, info.maxReceiveQueueDepth() + 1, 8, 1, 1, 0, null, null)
                .status(),
            pd.createQp(cq, cq, null, 8, info.maxInitiatorQueueDepth() + 1, 1, 1, 0, null, null)
                .status(),
            pd.createQp(cq, cq, null, 8, 8, info.maxReceiveRequestSge() + 1, 1, 0, null, null)
                .status(),
            pd.createQp(cq, cq, null, 8, 8, 1, info.maxInitiatorRequestSge() + 1, 0, null, null)
                .status(),
            pd.createQp(cq, cq, null, 8, 8, 1, 1, info.maxInlineDataSize() + 1, null, null)
                .status(),
            pd.createQpWithSrq(
                    cq, cq, srq, null, info.maxInitiatorQueueDepth() + 1, 1, 0, null, null)
                .status(),
            pd.createQpWithSrq(
                    cq, cq, srq, null, 8, info.maxInitiatorRequestSge() + 1, 0, null, null)
                .status(),
            pd.createQpWithSrq(cq, cq, srq, null, 8, 1, info.maxInlineDataSize() + 1, null, null)
                .status(),
            pd.createSrq(info.maxSrqDepth() + 1, 1, 0, null, null, null, null, null).status(),
            pd.createSrq(16, info.maxReceiveRequestSge() + 1, 0, null, null, null, null, null)
                .status());
    for (NtStatus status : statuses) {
      assertEquals(NtStatus.INVALID_PARAMETER, status);
    }
    // The maxima themselves are accepted.
    assertTrue(
        pd.createQp(
                cq,
                cq,
                null,
                info.maxReceiveQueueDepth(),
                info.maxInitiatorQueueDepth(),
                info.maxReceiveRequestSge(),
                info.maxInitiatorRequestSge(),
                info.maxInlineDataSize(),
                (c, s, o) -> {},
                null)
            .status()
            .isSuccess());
  }

  @Test
  void invariant34_openAdapterNegotiatesTheProvidersHighestMinorOrRefusesWithBadVersion() {
    ProviderRig rig = new ProviderRig();
    SimNdkProvider provider = rig.provider;
    var older = provider.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_1));
    assertEquals(NdisStatus.SUCCESS, older.status());
    assertEquals(NdkVersion.V1_2, older.adapter().header().version());
    assertEquals(
        NdkVersion.V1_2,
        older.adapter().queryAdapterInfo(NdkAdapterInfo.SIZE_BYTES).info().version());
    NdkCq cq = rig.create(cb -> older.adapter().createCq(4, null, null, null, cb, null));
    assertEquals(NdkVersion.V1_2, cq.header().version());
    assertEquals(
        NdisStatus.BAD_VERSION,
        provider.openAdapter(NdisOpenNdkAdapterParameters.of(new NdkVersion(1, 3))).status());
    assertEquals(
        NdisStatus.BAD_VERSION,
        provider.openAdapter(NdisOpenNdkAdapterParameters.of(new NdkVersion(2, 0))).status());
    provider.setNdkEnabled(false);
    assertEquals(
        NdisStatus.ADAPTER_NOT_READY,
        provider.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).status());
  }

  @Test
  void queryAdapterInfoAnswersBufferTooSmallWithTheSizeNeeded() {
    ProviderRig rig = new ProviderRig();
    var small = rig.adapter.queryAdapterInfo(8);
    assertEquals(NtStatus.BUFFER_TOO_SMALL, small.status());
    assertEquals(NdkAdapterInfo.SIZE_BYTES, small.bufferSizeBytes());
    var ok = rig.adapter.queryAdapterInfo(NdkAdapterInfo.SIZE_BYTES);
    assertEquals(NtStatus.SUCCESS, ok.status());
    assertEquals(rig.provider.ndkCapabilities().ndkInfo(), ok.info());
  }
}
