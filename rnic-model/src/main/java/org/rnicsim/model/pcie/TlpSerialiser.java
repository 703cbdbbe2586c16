package org.rnicsim.model.pcie;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * One direction of a PCIe link: TLPs leave in the order they are handed over, back to back at the
 * TLP bandwidth (calibration P1), each group priced in wire bytes by {@link TlpCostModel}
 * (calibration P2).
 *
 * <p>A FIFO server with a deterministic service time needs no event of its own: the time the last
 * byte of a transfer leaves follows from when the previous one left. A caller may hand a transfer
 * over with a ready time a fixed pipeline latency in the future; it then leaves no earlier than
 * that and no earlier than everything handed over before it.
 *
 * <p>Statistics under {@code <name>}: {@code .busyPs} (utilisation = busyPs / observed time),
 * {@code .tlps}, {@code .wireBytes}, {@code .transfers} and {@code .queuedPs}, the summed time
 * transfers waited for the direction (mean wait = queuedPs / transfers; time-average backlog =
 * queuedPs / observed time, Little's law). Counters rather than a histogram: this is the hottest
 * path of the model.
 */
public final class TlpSerialiser {
  private final RnicSimulator simulator;
  private final PcieLinkBandwidth bandwidth;
  private final Counter busyPs;
  private final Counter tlps;
  private final Counter wireBytes;
  private final Counter transfers;
  private final Counter queuedPs;
  private long busyUntilPs;
  private long lastStartPs;

  TlpSerialiser(
      RnicSimulator simulator, String name, PcieLinkBandwidth bandwidth, StatisticsRegistry stats) {
    this.simulator = simulator;
    this.bandwidth = bandwidth;
    this.busyPs = stats.counter(name + ".busyPs");
    this.tlps = stats.counter(name + ".tlps");
    this.wireBytes = stats.counter(name + ".wireBytes");
    this.transfers = stats.counter(name + ".transfers");
    this.queuedPs = stats.counter(name + ".queuedPs");
  }

  /**
   * Queues {@code tlpCount} TLPs of {@code transferWireBytes} in total that are ready at {@code
   * readyAtPs} (not before now) and returns the time their last byte has left.
   */
  long transmit(long readyAtPs, long tlpCount, long transferWireBytes) {
    return transmitStreamed(readyAtPs, 0, tlpCount, transferWireBytes);
  }

  /**
   * As {@link #transmit}, for a transfer whose data streams in while it leaves (cut-through): it
   * may start up to {@code leadPs} before {@code readyAtPs}, if the direction was idle then, and
   * returns the time its last byte has left. The caller bounds the lead so the last TLP still
   * leaves after its data arrived.
   */
  long transmitStreamed(long readyAtPs, long leadPs, long tlpCount, long transferWireBytes) {
    long readyPs = Math.max(readyAtPs, simulator.nowPs()) - leadPs;
    long startPs = Math.max(readyPs, busyUntilPs);
    long serialisationPs = bandwidth.serialisationPs(transferWireBytes);
    transfers.increment();
    queuedPs.add(startPs - readyPs);
    busyPs.add(serialisationPs);
    tlps.add(tlpCount);
    wireBytes.add(transferWireBytes);
    lastStartPs = startPs;
    busyUntilPs = startPs + serialisationPs;
    return busyUntilPs;
  }

  /** When the most recent transfer started to leave. */
  long lastStartPs() {
    return lastStartPs;
  }

  /** Time to send {@code transferWireBytes} on an idle direction. */
  public long serialisationPs(long transferWireBytes) {
    return bandwidth.serialisationPs(transferWireBytes);
  }

  /** The time this direction becomes idle if nothing more is queued. */
  public long busyUntilPs() {
    return busyUntilPs;
  }
}
