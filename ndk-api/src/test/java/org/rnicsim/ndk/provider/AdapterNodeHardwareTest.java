package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.pcie.PcieLinkConfig;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.DmaProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.profile.PcieProfile;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.provider.cq.SimCq;

/** The provider on an rnic-model adapter node shares its firmware queue, cores and interrupts. */
class AdapterNodeHardwareTest {
  private static final long US = SimTime.PS_PER_US;

  /** A round-number ConnectX-4-like machine (assumption, as rnic-model's test profile). */
  static HardwareProfile profile() {
    return new HardwareProfile(
        "ndk-test",
        new HostProfile(2, 60_000, 30_000, 40_000),
        new PcieProfile(
            PcieGeneration.GEN3,
            16,
            256,
            512,
            64,
            false,
            PcieLinkConfig.P4_COMPLETER_LATENCY_AT_64_BYTES_PS,
            PcieLinkConfig.P4_COMPLETER_LATENCY_PS_PER_BYTE,
            125_000),
        new AdapterProfile(
            new DmaProfile(4, 47.5e6, 62.5e6, 128),
            new CacheProfile(1024, 8, 256, 10_000, 8),
            new CacheProfile(2048, 8, 64, 10_000, 8),
            4096,
            20_000,
            135_000,
            6_000,
            135_000,
            6_000,
            20_000,
            64,
            64,
            220,
            8,
            16,
            256 * 1024,
            SimTime.PS_PER_MS,
            7,
            10 * US,
            AdapterProfile.RNR_RETRY_FOREVER),
        new PortProfile(100_000_000_000L, 2_500, 4096, 26, 50_000, 50_000, 4));
  }

  @Test
  void aPendingCreateWaitsBehindTheDatapathsOwnCommandOnTheSharedFirmwareQueue() {
    RnicSimulator sim = new RnicSimulator("node-provider");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    FirmwareConfig firmware =
        FirmwareConfig.assumedDefaults()
            .withLatency(FirmwareCommandKind.CREATE_CQ, new CommandLatency.Fixed(40 * US));
    AdapterNode node =
        new AdapterNode(
            sim,
            "nic0",
            1,
            profile(),
            new HostCpu(sim, "host0", 2, stats),
            firmware,
            InterruptCosts.assumedDefault(),
            new RandomStreams(1, 0),
            stats);
    ProviderRig rig = new ProviderRig(sim, b -> b.node(node).stats(stats));
    long[] datapathCq = {-1};
    node.rnic().createCq(64, null, cq -> datapathCq[0] = sim.nowPs());
    ProviderRig.Created<NdkCq> created =
        rig.startCreate(cb -> rig.adapter.createCq(64, (c, s) -> {}, null, null, cb, null));
    rig.run();
    assertTrue(datapathCq[0] > 40 * US);
    assertTrue(
        created.callbackPs > 80 * US,
        "one command slot: the provider's CREATE_CQ ran after the datapath's, got "
            + created.callbackPs);
    assertEquals(NtStatus.SUCCESS, created.callbackStatus);
    // Its notifications travel through the node's interrupt controller.
    NdkCq cq = created.object();
    cq.armCq(NdkCqNotificationType.ANY);
    ((SimCq) cq)
        .queueEntry(
            new NdkResultEx(NtStatus.SUCCESS, 0, "q", "r", NdkOperationType.SEND, 0, 0), false);
    rig.run();
    long msix = rig.provider.hardware().completionEventQueue(((SimCq) cq).core()).interruptCount();
    assertEquals(1, msix, "one MSI-X on the node's controller for the CQ's event");
  }
}
