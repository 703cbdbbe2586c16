package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkExtensionResult;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.adapter.AdapterConnections;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderDefaults;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/**
 * The adapter's own calls as a consumer sees them: BuildLAM and ReleaseLAM, CreateCq's depth check
 * and core choice, the adapter-wide counts, and CloseAdapter's refusals and messages (ndkpi-spec
 * 1-3, invariants 3, 11 and 30, consumer rules C2 and C7).
 */
class AdapterCallsTest {
  private static final long PAGE = 4096;

  @Test
  void buildLamMapsEveryPageTheBufferTouchesOntoItself() {
    ProviderRig rig = new ProviderRig();
    // 0x100 bytes into its first page, 8 KiB long: it touches three pages.
    NdkLogicalAddressMapping lam = new NdkLogicalAddressMapping(3);
    assertEquals(
        NtStatus.SUCCESS, rig.adapter.buildLam(Mdl.of(0x10_0100, 8192), 8192, null, null, lam));
    assertArrayEquals(new long[] {0x10_0000, 0x10_1000, 0x10_2000}, lam.adapterPageArray());
    assertEquals(0x100, lam.firstByteOffset());
    assertSame(rig.provider.objectWithHeader(rig.adapter.header()), lam.adapterContext());

    rig.adapter.releaseLam(lam);
    assertEquals(0, lam.adapterPageCount(), "ReleaseLAM empties the mapping");
  }

  @Test
  void buildLamWithTooSmallABufferSaysHowManyPagesItNeeds() {
    ProviderRig rig = new ProviderRig();
    NdkLogicalAddressMapping two = new NdkLogicalAddressMapping(2);
    assertEquals(
        NtStatus.BUFFER_TOO_SMALL,
        rig.adapter.buildLam(Mdl.of(0x10_0100, 8192), 8192, null, null, two));
    assertEquals(3, two.requiredPageCount());
    assertEquals(0, two.adapterPageCount(), "nothing mapped");
    // A buffer that starts and ends on page boundaries needs exactly its own pages.
    NdkLogicalAddressMapping exact = new NdkLogicalAddressMapping(2);
    assertEquals(
        NtStatus.SUCCESS,
        rig.adapter.buildLam(Mdl.of(0x20_0000, 2 * PAGE), 2 * PAGE, null, null, exact));
    assertArrayEquals(new long[] {0x20_0000, 0x20_1000}, exact.adapterPageArray());
  }

  @Test
  void buildLamRefusesWhatItCannotMap() {
    ProviderRig rig = new ProviderRig();
    NdkLogicalAddressMapping lam = new NdkLogicalAddressMapping(4);
    Mdl mdl = Mdl.of(0x10_0000, PAGE);
    assertEquals(NtStatus.INVALID_PARAMETER, rig.adapter.buildLam(null, PAGE, null, null, lam));
    assertEquals(NtStatus.INVALID_PARAMETER, rig.adapter.buildLam(mdl, PAGE, null, null, null));
    assertEquals(NtStatus.INVALID_PARAMETER, rig.adapter.buildLam(mdl, 0, null, null, lam));
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        rig.adapter.buildLam(mdl, PAGE + 1, null, null, lam),
        "longer than the MDL");
    // One byte is one page.
    assertEquals(NtStatus.SUCCESS, rig.adapter.buildLam(mdl, 1, null, null, lam));
    assertEquals(1, lam.adapterPageCount());
  }

  @Test
  void lamCallsAfterCloseAdapterAreConsumerRuleC1() {
    ProviderRig rig = new ProviderRig();
    NdkLogicalAddressMapping lam = new NdkLogicalAddressMapping(1);
    assertEquals(
        NtStatus.SUCCESS, rig.adapter.buildLam(Mdl.of(0x10_0000, PAGE), PAGE, null, null, lam));
    rig.closeAdapter();
    NdkMisuseException build =
        assertThrows(
            NdkMisuseException.class,
            () -> rig.adapter.buildLam(Mdl.of(0x10_0000, PAGE), PAGE, null, null, lam));
    assertEquals("C1", build.rule());
    assertTrue(build.getMessage().contains("BuildLAM on ADAPTER"), build.getMessage());
    NdkMisuseException release =
        assertThrows(NdkMisuseException.class, () -> rig.adapter.releaseLam(lam));
    assertEquals("C1", release.rule());
    assertEquals(1, lam.adapterPageCount(), "the refused release left the mapping alone");
  }

  @Test
  void invariant30_cqDepthZeroIsRefusedAndTheAdapterMaximumIsAccepted() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    assertEquals(
        NtStatus.INVALID_PARAMETER, rig.adapter.createCq(0, null, null, null, null, null).status());
    long max = rig.provider.runtime().adapterInfo().maxCqDepth();
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        rig.adapter.createCq(max + 1, null, null, null, null, null).status());
    NdkCreateResult<NdkCq> deepest = rig.adapter.createCq(max, null, null, null, null, null);
    assertEquals(NtStatus.SUCCESS, deepest.status());
  }

  @Test
  void cqsWithoutAHintTakeTheCoresInTurnAndAHintPicksItsLowestProcessor() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    RecordingSink sink = new RecordingSink();
    rig.sim.trace().addSink(sink);
    NdkCq first = rig.cq(8, (ctx, status) -> {}, null);
    NdkCq second = rig.cq(8, (ctx, status) -> {}, null);
    NdkCq hinted =
        rig.create(
            cb ->
                rig.adapter.createCq(
                    8, (ctx, status) -> {}, null, new GroupAffinity(0b1000, 0), cb, null));
    NdkCq emptyHint =
        rig.create(
            cb ->
                rig.adapter.createCq(
                    8, (ctx, status) -> {}, null, new GroupAffinity(0, 0), cb, null));
    for (NdkCq cq : List.of(first, second, hinted, emptyHint)) {
      cq.armCq(NdkCqNotificationType.ANY);
      rig.<SimCq>own(cq).queueEntry(entry(), false);
      rig.run();
    }
    List<Integer> cores =
        sink.eventsOf(ProviderTraceEvent.CallbackStarted.class).stream()
            .filter(e -> e.kind() == CallbackKind.CQ_NOTIFICATION)
            .map(ProviderTraceEvent.CallbackStarted::core)
            .toList();
    assertEquals(
        List.of(0, 1, 3, 2),
        cores,
        "two plain CQs, one hinted to processors 3 and up, one with an empty mask (no hint)");
  }

  @Test
  void invariant03_aClosedPdGivesItsAdapterCountBack() {
    NdkCapabilities caps = ProviderDefaults.capabilities();
    NdkCapabilities onePd =
        new NdkCapabilities(
            caps.maxQpCount(),
            caps.maxCqCount(),
            caps.maxMrCount(),
            1,
            0,
            0,
            caps.maxMwCount(),
            caps.maxSrqCount(),
            caps.ndkInfo());
    ProviderRig rig =
        new ProviderRig(
            b ->
                b.hardware(HardwareConfig.assumedDefaults())
                    .capabilities(onePd)
                    .policy(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE)));
    NdkPd pd = rig.pd();
    assertEquals(
        NtStatus.INSUFFICIENT_RESOURCES, rig.adapter.createPd(null, null).status(), "one PD only");
    rig.closeAndWait(pd);
    assertEquals(NtStatus.SUCCESS, rig.adapter.createPd(null, null).status());
  }

  @Test
  void invariant11_closeAdapterStartsNoCallbackOfItsOwnWhenItWaitedForAClose() {
    ProviderRig rig = new ProviderRig();
    RecordingSink sink = new RecordingSink();
    rig.sim.trace().addSink(sink);
    NdkCq cq = rig.cq(8);
    String cqName = rig.own(cq).toString();
    ProviderRig.Closed cqClose = rig.close(cq);
    assertEquals(NtStatus.PENDING, cqClose.status, "DESTROY_CQ goes to firmware");
    rig.closeAdapter();
    assertEquals(1, cqClose.callbacks);
    List<ProviderTraceEvent.CallbackStarted> closeCallbacks =
        sink.eventsOf(ProviderTraceEvent.CallbackStarted.class).stream()
            .filter(e -> e.kind() == CallbackKind.CLOSE_COMPLETION)
            .toList();
    assertEquals(1, closeCallbacks.size(), "the CQ's close completion only: " + closeCallbacks);
    assertEquals(cqName, closeCallbacks.get(0).subject());
    assertEquals(
        rig.lastCallbackReturnPs(), rig.now(), "CloseAdapter returned when the CQ's callback did");
  }

  @Test
  void consumerRuleC2_closeAdapterRefusesAnotherProvidersAdapterAndLeavesItsOwnOpen() {
    ProviderRig mine = new ProviderRig(new RnicSimulator("mine"), b -> {});
    ProviderRig other = new ProviderRig(new RnicSimulator("other"), b -> {});
    NdkMisuseException e =
        assertThrows(NdkMisuseException.class, () -> mine.provider.closeAdapter(other.adapter));
    assertEquals("C2", e.rule());
    assertTrue(e.getMessage().contains("is not an open adapter of this provider"), e.getMessage());
    assertEquals(NtStatus.SUCCESS, mine.adapter.queryAdapterInfo(4096).status(), "still open");
    assertEquals(NtStatus.SUCCESS, mine.adapter.createPd(null, null).status());
  }

  @Test
  void consumerRuleC7_theMessageNamesWhatWasNeverClosedAndWhatEachClosingObjectWaitsFor() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(8);
    NdkPd pd = rig.pd();
    NdkQp qp = rig.qp(pd, cq, null);
    assertEquals(NtStatus.PENDING, rig.close(pd).status, "the PD waits for its QP");
    rig.run();
    NdkMisuseException e =
        assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    assertEquals("C7", e.rule());
    String qpName = rig.own(qp).toString();
    String expected =
        "never closed: "
            + rig.own(cq)
            + ", "
            + qpName
            + "; closing: "
            + rig.own(pd)
            + " (open successors ["
            + qpName
            + "])";
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("requests"), e.getMessage());
  }

  @Test
  void theProviderOffersNoExtensionInterfaces() {
    ProviderRig rig = new ProviderRig();
    NdkExtensionResult result =
        rig.pd()
            .queryExtension(
                UUID.fromString("00000000-0000-0000-0000-000000000001"), NdkVersion.V1_2);
    assertEquals(NtStatus.NOT_SUPPORTED, result.status());
  }

  @Test
  void withoutConnectionManagementEveryConnectionCreateIsNotSupported() {
    ProviderRig rig = new ProviderRig(b -> b.connections(AdapterConnections.NONE));
    assertEquals(
        NtStatus.NOT_SUPPORTED, rig.adapter.createConnector((c, s, o) -> {}, null).status());
    assertEquals(
        NtStatus.NOT_SUPPORTED,
        rig.adapter.createListener((c, cr) -> {}, null, (c, s, o) -> {}, null).status());
    assertEquals(
        NtStatus.NOT_SUPPORTED,
        rig.adapter
            .createSharedEndpoint(NdkSockAddr.of("10.0.0.1", 5000), (c, s, o) -> {}, null)
            .status());
  }

  @Test
  void invariant02_aCreateThatMustPendWithoutACompletionIsRefusedAndLeavesNothingBehind() {
    ProviderRig rig = new ProviderRig();
    assertEquals(
        NtStatus.INVALID_PARAMETER, rig.adapter.createCq(8, null, null, null, null, null).status());
    assertEquals(0, rig.provider.runtime().resources().inUse(NdkObjectType.CQ), "count returned");
    rig.closeAdapter(); // nothing half-made below the adapter keeps its close waiting
  }

  private static NdkResultEx entry() {
    return new NdkResultEx(NtStatus.SUCCESS, 0, "qp", "r", NdkOperationType.SEND, 0, 0);
  }
}
