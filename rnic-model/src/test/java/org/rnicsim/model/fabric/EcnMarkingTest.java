package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * RED marking on a switch egress queue: none up to Kmin, always from Kmax, linear up to Pmax in
 * between, drawn from the port's named stream; only ECN-capable requests are marked.
 */
@Timeout(10)
class EcnMarkingTest {
  private static final EcnMarking RED = new EcnMarking(5_000, 200_000, 0.01);

  private final RnicSimulator simulator = new RnicSimulator("ecn");
  private final StatisticsRegistry stats = new StatisticsRegistry(simulator);
  private final Port port = new Port(simulator, "switch.out1", 100_000_000_000L, 0, 0, 8, stats);

  private static Packet packet(PacketOpcode opcode) {
    return new Packet(opcode, 1, 2, 7, 0, opcode.isRequest() ? 4096 : 0, 0, 0, 26);
  }

  private long marks() {
    return stats.counter("switch.out1.ecnMarks").count();
  }

  @Test
  void theProbabilityIsZeroUpToKminLinearToPmaxAndOneFromKmax() {
    assertEquals(0, RED.probability(5_000));
    assertEquals(0.005, RED.probability(102_500), 1e-12);
    assertEquals(0.01 * 194_999 / 195_000.0, RED.probability(199_999), 1e-12);
    assertEquals(1, RED.probability(200_000));
    assertFalse(EcnMarking.OFF.enabled());
  }

  @Test
  void aboveKmaxEveryRequestIsMarkedAndNoAckOrCnp() {
    EcnMarker marker = new EcnMarker(RED, port, new RandomStreams(1, 0));
    for (PacketOpcode opcode : PacketOpcode.values()) {
      Packet packet = packet(opcode);
      marker.offer(packet, 300_000);
      boolean capable = opcode.isRequest() && !opcode.isManagement();
      assertEquals(capable, packet.congestionExperienced(), opcode.toString());
    }
    assertTrue(!packet(PacketOpcode.CNP).congestionExperienced());
    assertEquals(9, marks(), "SEND x4, WRITE x4, READ request");
  }

  @Test
  void betweenTheThresholdsTheMarkedShareFollowsTheLineAndRepeatsWithTheSeed() {
    long marked = markedOfTenThousand(new RandomStreams(1, 0), 102_500);
    // p = 0.5 %: 50 expected; a binomial's 4-sigma band is about +-28.
    assertTrue(Math.abs(marked - 50) < 28, marked + " marked");
    assertEquals(marked, markedOfTenThousand(new RandomStreams(1, 0), 102_500), "same seed");
    assertEquals(0, markedOfTenThousand(new RandomStreams(1, 0), 5_000), "at Kmin");
  }

  private long markedOfTenThousand(RandomStreams streams, long queueBytes) {
    EcnMarker marker = new EcnMarker(RED, port, streams);
    long marked = 0;
    for (int i = 0; i < 10_000; i++) {
      Packet packet = packet(PacketOpcode.WRITE_MIDDLE);
      marker.offer(packet, queueBytes);
      marked += packet.congestionExperienced() ? 1 : 0;
    }
    return marked;
  }
}
