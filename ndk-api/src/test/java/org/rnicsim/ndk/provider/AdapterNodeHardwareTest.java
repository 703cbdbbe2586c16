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
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.provider.cq.SimCq;

/** The provider on an rnic-model adapter node shares its firmware queue, cores and interrupts. */
class AdapterNodeHardwareTest {
  private static final long US = SimTime.PS_PER_US;

  @Test
  void aPendingCreateWaitsBehindTheDatapathsOwnCommandOnTheSharedFirmwareQueue() {
    RnicSimulator sim = new RnicSimulator("node-provider");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    FirmwareConfig firmware =
        ReferenceProfiles.connectX4EdrGen3x16()
            .firmware()
            .config()
            .withLatency(FirmwareCommandKind.CREATE_CQ, new CommandLatency.Fixed(40 * US));
    AdapterNode node =
        new AdapterNode(
            sim,
            "nic0",
            1,
            ReferenceProfiles.connectX4EdrGen3x16(),
            new HostCpu(sim, "host0", 2, stats),
            firmware,
            InterruptCosts.assumedDefault(),
            new RandomStreams(1, 0),
            stats);
    ProviderRig rig = new ProviderRig(sim, b -> b.node(node).stats(stats));
    long[] datapathCq = {-1};
    node.rnic().createCq(64, null, cq -> datapathCq[0] = sim.nowPs());
    // Affinity to the second core: its completion event queue takes the CQ's events.
    GroupAffinity secondCore = new GroupAffinity(1L << 1, 0);
    ProviderRig.Created<NdkCq> created =
        rig.startCreate(cb -> rig.adapter.createCq(64, (c, s) -> {}, null, secondCore, cb, null));
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
    long msix = rig.provider.hardware().completionEventQueue(1).interruptCount();
    assertEquals(1, msix, "one MSI-X on the node's controller for the CQ's event");
    assertEquals(
        0,
        rig.provider.hardware().completionEventQueue(0).interruptCount(),
        "none on the core the CQ's affinity did not name");
  }
}
