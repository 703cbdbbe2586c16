package org.rnicsim.model.adapter.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

/** Management datagrams (QP1) travel the fabric like data packets and reach the host's agent. */
class ManagementDatagramTest {
  private final HardwareProfile profile = TestProfiles.small();
  private final BackToBackTestbed bed = new BackToBackTestbed(profile, 7);
  private final List<Long> arrivalsPs = new ArrayList<>();
  private final List<Object> messages = new ArrayList<>();

  ManagementDatagramTest() {
    bed.nic(1)
        .setManagementReceiver(
            (source, message) -> {
              assertEquals(bed.nic(0).address(), source, "the sender's fabric address");
              arrivalsPs.add(bed.simulator().nowPs());
              messages.add(message);
            });
  }

  /** The least a MAD can take from hand-over to the far host: its wire time and the cable. */
  private long wireFloorPs() {
    PortProfile port = profile.port();
    long wireBytes =
        ManagementQp.MAD_BYTES
            + port.packetHeaderBytes()
            + Packet.managementDatagram(1, 2, ManagementQp.MAD_BYTES, 0, null)
                .opcode()
                .extendedHeaderBytes();
    return port.serialisationPs(wireBytes)
        + port.txLatencyPs()
        + port.propagationDelayPs()
        + port.rxLatencyPs();
  }

  private long sendOneAndWait() {
    long sentPs = bed.simulator().nowPs();
    int before = arrivalsPs.size();
    bed.nic(0).sendManagementDatagram(bed.nic(1).address(), "REQ");
    bed.simulator().runUntil(() -> arrivalsPs.size() > before);
    return arrivalsPs.get(arrivalsPs.size() - 1) - sentPs;
  }

  @Test
  void aDatagramReachesTheFarHostNoSoonerThanItsWireTimeAndTheCablePlusBothPcieLinks() {
    long tookPs = sendOneAndWait();
    assertEquals(List.of("REQ"), messages);
    // Doorbell down, WQE+MAD fetch (a read round trip) up, MAD and CQE writes on the far side.
    long pcieFloorPs = 4 * profile.pcie().flightLatencyPs();
    assertTrue(
        tookPs >= wireFloorPs() + pcieFloorPs,
        "took " + SimTime.format(tookPs) + ", floor " + SimTime.format(wireFloorPs()));
    assertTrue(tookPs < 5 * SimTime.PS_PER_US, "an idle MAD is a few us: " + tookPs);
    assertEquals(1, bed.stats().counter("nic0.mad.sent").count());
    assertEquals(1, bed.stats().counter("nic1.mad.received").count());
  }

  @Test
  void aDatagramSentWhileThePortIsBusyWithBulkDataArrivesLaterThanOnAnIdlePort() {
    long idlePs = sendOneAndWait();
    ConnectedPair pair = bed.connectPair(64, 64);
    for (int i = 0; i < 16; i++) {
      bed.nic(0)
          .postSend(
              pair.a().qp(),
              org.rnicsim.model.adapter.transport.SendWorkRequest.write(i, 0, 64 * 1024, 0));
    }
    bed.nic(0).ringSendDoorbell(pair.a().qp());
    // A packet on the wire and one waiting: the port stays busy while the MAD is built (the bulk
    // data's first pages miss the translation cache, so early on the port idles between packets).
    bed.simulator().runUntil(() -> bed.nic(0).port().queuedPackets() > 1);
    long busyPs = sendOneAndWait();
    assertTrue(
        busyPs > idlePs + profile.port().serialisationPs(profile.port().mtuBytes()),
        "behind at least one full data packet: idle "
            + SimTime.format(idlePs)
            + ", busy "
            + SimTime.format(busyPs));
  }

  @Test
  void aDatagramOnALinkThatIsDownIsLostAndNeverDelivered() {
    bed.link().goDown();
    bed.nic(0).sendManagementDatagram(bed.nic(1).address(), "DREQ");
    bed.simulator().runToEnd();
    assertTrue(messages.isEmpty());
    // Testbed cables the second machine's port as the link's end a, so nic0 sends on b-to-a.
    Link.Direction out = bed.link().bToA();
    assertEquals(1, out.lostPackets());
  }

  @Test
  void onAnAdapterNodeTheAgentHearsFromTheDpcAfterTheInterrupt() {
    var sim = new org.rnicsim.engine.RnicSimulator("nodes");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    RandomStreams streams = new RandomStreams(3, 0);
    InterruptCosts costs = new InterruptCosts(SimTime.PS_PER_US, SimTime.PS_PER_US / 2);
    AdapterNode[] nodes = new AdapterNode[2];
    for (int i = 0; i < 2; i++) {
      nodes[i] =
          new AdapterNode(
              sim,
              "nic" + i,
              i + 1,
              profile,
              new HostCpu(sim, "host" + i, 2, stats),
              ReferenceProfiles.connectX4EdrGen3x16().firmware().config(),
              costs,
              streams,
              stats);
    }
    Link.connect(
        sim,
        "cable",
        nodes[0].rnic().port(),
        nodes[1].rnic().port(),
        profile.port().propagationDelayPs(),
        streams,
        stats);
    List<Long> heardPs = new ArrayList<>();
    long madCostPs = 3 * SimTime.PS_PER_US;
    nodes[1].setManagementAgent(1, madCostPs, (source, message) -> heardPs.add(sim.nowPs()));
    nodes[0].rnic().sendManagementDatagram(2, "REQ");
    nodes[0].rnic().sendManagementDatagram(2, "RTU");
    sim.runToEnd();
    assertEquals(2, heardPs.size(), "both MADs reach the agent");
    assertTrue(heardPs.get(0) >= wireFloorPs() + costs.isrCostPs() + costs.dpcCostPs() + madCostPs);
    assertTrue(heardPs.get(1) - heardPs.get(0) >= madCostPs, "the agent handles one MAD at a time");
    assertTrue(nodes[1].interrupts().eventQueue(1).interruptCount() >= 1);
  }
}
