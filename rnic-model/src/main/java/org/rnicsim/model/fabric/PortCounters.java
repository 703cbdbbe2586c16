package org.rnicsim.model.fabric;

import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.GaugeSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;

/**
 * A {@link Port}'s statistics under its name: what went on the wire ({@code .txPackets}, {@code
 * .txWireBytes}, {@code .busyPs}, {@code .queuedPacketPs}), the congestion signals it saw ({@code
 * .ecnMarks}, {@code .pfcPausesReceived}) and its egress queue ({@code .queueBytes}, a
 * time-weighted gauge whose average and maximum are the queue's occupancy over simulated time).
 *
 * <p>The egress queue is what the port holds and has not serialised yet: from the moment a packet
 * is handed over (for a switch output, when the switch forwards it) until its last bit leaves, and
 * while a PFC pause holds it back. That is the occupancy a switch's output buffer limits.
 */
final class PortCounters {
  final Counter txPackets;
  final Counter txWireBytes;
  final Counter busyPs;
  final Counter queuedPacketPs;
  final Counter ecnMarks;
  final Counter pfcPausesReceived;
  private final TimeWeightedGauge queueBytes;
  private long queuedBytes;

  PortCounters(String name, StatisticsRegistry stats) {
    this.txPackets = stats.counter(name + ".txPackets");
    this.txWireBytes = stats.counter(name + ".txWireBytes");
    this.busyPs = stats.counter(name + ".busyPs");
    this.queuedPacketPs = stats.counter(name + ".queuedPacketPs");
    this.ecnMarks = stats.counter(name + ".ecnMarks");
    this.pfcPausesReceived = stats.counter(name + ".pfcPausesReceived");
    this.queueBytes = stats.gauge(name + ".queueBytes");
  }

  /** A packet went on the wire (or, with {@code sign} -1, a pause took it back off). */
  void booked(int sign, int wireBytes, long serialisationPs, long readyPs, long departurePs) {
    txPackets.add(sign);
    txWireBytes.add(sign * (long) wireBytes);
    busyPs.add(sign * serialisationPs);
    queuedPacketPs.add(sign * (departurePs - readyPs));
  }

  /** The egress queue grew or shrank by {@code deltaBytes} at {@code timePs} (not after now). */
  void queueChanged(long timePs, long deltaBytes) {
    queuedBytes += deltaBytes;
    queueBytes.setAt(timePs, queuedBytes);
  }

  /** Bytes in the egress queue, as of the last change reported. */
  long queuedBytes() {
    return queuedBytes;
  }

  /** The port's statistics since they were last reset, with its switch's pauses and drops. */
  PortStatistics snapshot(String portName, long pfcPausesSent, long drops) {
    GaugeSummary queue = queueBytes.summarize();
    return new PortStatistics(
        portName,
        txPackets.count(),
        txWireBytes.count(),
        ecnMarks.count(),
        pfcPausesSent,
        pfcPausesReceived.count(),
        drops,
        (long) queue.max(),
        queue.timeAverage());
  }
}
