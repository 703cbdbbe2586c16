package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.model.trace.ModelTraceEvent.PacketSent;

/**
 * A PFC pause takes the packets booked behind the frame on the wire back off it; the trace must
 * then show each packet sent once, when it really went on the wire, not once when it was booked and
 * again after the pause.
 */
class PortPauseTraceTest {
  private static final long RATE_BITS_PER_SECOND = 100_000_000_000L;
  private static final int PAYLOAD_BYTES = 4096;
  private static final int HEADER_BYTES = 26;

  private final RnicSimulator simulator = new RnicSimulator("pause-trace");
  private final StatisticsRegistry stats = new StatisticsRegistry(simulator);
  private final Port sender = port("sender");
  private final Port receiver = port("receiver");
  private final RecordingSink trace = new RecordingSink();
  private final List<Packet> received = new ArrayList<>();

  PortPauseTraceTest() {
    Link.connect(simulator, "cable", sender, receiver, 2_500, new RandomStreams(1, 0), stats);
    receiver.setReceiver(received::add);
    simulator.trace().addSink(trace);
  }

  private Port port(String name) {
    return new Port(simulator, name, RATE_BITS_PER_SECOND, 50_000, 50_000, 64, stats);
  }

  private static Packet packet(int psn) {
    return new Packet(PacketOpcode.SEND_ONLY, 1, 2, 7, psn, PAYLOAD_BYTES, 0, 0, HEADER_BYTES);
  }

  private List<PacketSent> sent() {
    return trace.events().stream()
        .filter(PacketSent.class::isInstance)
        .map(PacketSent.class::cast)
        .toList();
  }

  @Test
  void whenAPauseTakesBookedPacketsOffTheWire_thenEachPacketIsTracedOnceWhenItReallyStarts() {
    List<Packet> packets = List.of(packet(0), packet(1), packet(2));
    packets.forEach(p -> sender.transmit(0, p));
    long frameWirePs = sender.serialisationPs(packets.get(0).wireBytes());
    // Halfway through the first frame: it finishes, the two booked behind it wait.
    simulator.runUntil(frameWirePs / 2);
    sender.pause();
    long resumePs = 10 * frameWirePs;
    simulator.runUntil(resumePs);
    sender.resume();
    simulator.runToEnd();

    assertEquals(3, received.size(), "every packet arrived");
    List<PacketSent> sent = sent();
    assertEquals(
        List.of(packets.get(0).toString(), packets.get(1).toString(), packets.get(2).toString()),
        sent.stream().map(PacketSent::packet).toList(),
        "one entry per packet, in wire order");
    long[] startsPs = {0, resumePs, resumePs + frameWirePs};
    for (int i = 0; i < 3; i++) {
      assertEquals(startsPs[i], sent.get(i).timePs(), "packet " + i + " went on the wire");
      assertEquals(startsPs[i] + frameWirePs, sent.get(i).departurePs(), "packet " + i + " left");
    }
  }
}
