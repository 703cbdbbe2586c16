package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.ClosedLoopWriter;
import org.rnicsim.model.testbed.StarTestbed;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * The per-port counters a fabric study reports: the egress queue's maximum and time average in
 * bytes, ECN marks, PFC pauses sent and received, drops.
 */
class PortCountersTest {
  private static final long BITS_PER_SECOND = 8_000_000_000L; // 1 B/ns: 1000 B take 1 us

  private static Packet packet(int payloadBytes) {
    return new Packet(PacketOpcode.WRITE_ONLY, 1, 2, 7, 0, payloadBytes, 0, 0, 0);
  }

  /** A port of 1 B/ns cabled to a peer over no distance, with no MAC or PHY latency. */
  private static Port cabledPort(RnicSimulator simulator) {
    StatisticsRegistry stats = new StatisticsRegistry(simulator);
    Port port = new Port(simulator, "p", BITS_PER_SECOND, 0, 0, Integer.MAX_VALUE, stats);
    Port peer = new Port(simulator, "q", BITS_PER_SECOND, 0, 0, Integer.MAX_VALUE, stats);
    Link.connect(simulator, "cable", port, peer, 0, new RandomStreams(1, 0), stats);
    return port;
  }

  @Test
  void theEgressQueueIsAveragedOverSimulatedTimeAndItsPeakKept() {
    RnicSimulator simulator = new RnicSimulator("queue");
    Port port = cabledPort(simulator);
    // Two packets of w wire bytes (1000 B and a RETH) at t = 0: 2w queued for w ns, then w for w
    // ns; then idle until 10 us.
    Packet first = packet(1000);
    long w = first.wireBytes();
    port.transmit(0, first);
    port.transmit(0, packet(1000));
    port.countEcnMark();
    simulator.runUntil(10 * SimTime.PS_PER_US);

    PortStatistics statistics = port.statistics(0, 0);
    assertEquals(2 * w, statistics.maxQueueBytes());
    assertEquals((2 * w * w + w * w) / 10_000.0, statistics.meanQueueBytes(), 1e-9);
    assertEquals(1, statistics.ecnMarks());
    assertEquals(2, statistics.txPackets());
    assertEquals(0, port.backlogBytes());
  }

  @Test
  void aPausedQueueKeepsCountingUntilItDrains() {
    RnicSimulator simulator = new RnicSimulator("paused");
    Port port = cabledPort(simulator);
    port.pause();
    Packet packet = packet(1000);
    long w = packet.wireBytes();
    port.transmit(0, packet);
    simulator.scheduleAt(4 * SimTime.PS_PER_US, RnicSimulator.PRIORITY_NORMAL, port::resume);
    simulator.runUntil(10 * SimTime.PS_PER_US);

    PortStatistics statistics = port.statistics(0, 0);
    assertEquals(1, statistics.pfcPausesReceived());
    // w bytes held 4 us paused and w ns on the wire, over 10 us.
    assertEquals(w * (4000.0 + w) / 10_000, statistics.meanQueueBytes(), 1e-9);
    assertEquals(w, statistics.maxQueueBytes());
  }

  /** Three senders WRITE 16 KiB messages into machine 3 through a switch of {@code config}. */
  private static StarTestbed incast(SwitchConfig config, int window, long writes) {
    StarTestbed star =
        new StarTestbed(TestProfiles.withFastRetry(100 * SimTime.PS_PER_US, 7), 4, config, 1);
    List<ClosedLoopWriter> writers = new ArrayList<>();
    for (int sender = 0; sender < 3; sender++) {
      ConnectedPair pair = star.connectPair(sender, 3, 64, 256);
      writers.add(
          new ClosedLoopWriter(
              star.simulator(),
              star.profile().host(),
              star.host(sender).core(0),
              pair,
              16 * 1024,
              window,
              false));
    }
    writers.forEach(w -> w.start(writes));
    star.simulator().runUntil(() -> writers.stream().allMatch(w -> w.completed() >= writes));
    return star;
  }

  @Test
  void anIncastShowsPausesSentByTheSwitchReceivedByTheSendersAndTheBottleneckQueue() {
    long bufferBytes = 256 * 1024;
    SwitchConfig config =
        new SwitchConfig(
            4, 100_000_000_000L, 300_000, 50_000, 50_000, bufferBytes, true, 64 * 1024, 32 * 1024);
    StarTestbed star = incast(config, 16, 100);

    List<PortStatistics> ports = star.fabricSwitch().portStatistics();
    long sent = 0;
    long received = 0;
    for (int sender = 0; sender < 3; sender++) {
      sent += ports.get(sender).pfcPausesSent();
      received += star.nic(sender).port().statistics(0, 0).pfcPausesReceived();
      assertEquals(star.fabricSwitch().pauses(sender), ports.get(sender).pfcPausesSent());
    }
    assertTrue(sent > 0, "the incast paused the senders");
    assertEquals(sent, received, "every XOFF the switch sent stopped its sender");
    PortStatistics bottleneck = ports.get(3);
    assertEquals(0, bottleneck.drops());
    assertTrue(
        bottleneck.maxQueueBytes() > 64 * 1024 && bottleneck.maxQueueBytes() <= bufferBytes,
        "the receiver's queue filled past one ingress XOFF: " + bottleneck.maxQueueBytes());
    assertTrue(bottleneck.meanQueueBytes() > 0);
    assertTrue(bottleneck.meanQueueBytes() < bottleneck.maxQueueBytes());
  }

  @Test
  void dropsOfALossySwitchAreCountedOnTheOutputThatRefusedThem() {
    SwitchConfig config =
        new SwitchConfig(
            4, 100_000_000_000L, 300_000, 50_000, 50_000, 32 * 1024, false, 64 * 1024, 32 * 1024);
    StarTestbed star = incast(config, 8, 50);

    PortStatistics bottleneck = star.fabricSwitch().portStatistics().get(3);
    assertTrue(bottleneck.drops() > 0, "a 32 KiB buffer under a 3:1 incast drops");
    assertEquals(star.fabricSwitch().drops(3), bottleneck.drops());
    assertEquals(0, bottleneck.pfcPausesSent() + bottleneck.pfcPausesReceived());
    assertTrue(bottleneck.maxQueueBytes() <= 32 * 1024, "never above the buffer");
  }
}
