package org.rnicsim.model.fabric;

import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

/**
 * Applies a switch's {@link EcnMarking} to the packets joining one output queue. Only RoCEv2 data
 * packets of the requester (SENDs, WRITEs, READ requests) are ECN-capable here: ACKs, NAKs and CNPs
 * are never marked, management datagrams neither, and READ responses are not marked because the
 * DCQCN reaction point in this model limits only the requester's send scheduler. The draws come
 * from the output's own named stream, so the same seed gives the same marks whatever the other
 * ports carry.
 */
final class EcnMarker {
  private final EcnMarking marking;
  private final Port port;
  private final SimRandom random;

  EcnMarker(EcnMarking marking, Port port, RandomStreams streams) {
    this.marking = marking;
    this.port = port;
    this.random = streams.stream(port.name() + ".ecn");
  }

  /** Whether packets of this kind carry an ECN-capable transport codepoint. */
  static boolean ecnCapable(Packet packet) {
    PacketOpcode opcode = packet.opcode();
    return opcode.isRequest() && !opcode.isManagement();
  }

  /** Marks {@code packet} CE, or not, as it finds {@code queueBytes} ahead of it in the queue. */
  void offer(Packet packet, long queueBytes) {
    if (queueBytes <= marking.kminBytes() || !ecnCapable(packet)) {
      return;
    }
    double probability = marking.probability(queueBytes);
    if (probability >= 1 || random.nextDouble() < probability) {
      packet.markCongestionExperienced();
      port.countEcnMark();
    }
  }
}
