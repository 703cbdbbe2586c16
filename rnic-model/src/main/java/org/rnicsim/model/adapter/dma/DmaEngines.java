package org.rnicsim.model.adapter.dma;

import java.util.ArrayDeque;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.pcie.PcieLink;
import org.rnicsim.model.profile.DmaProfile;

/**
 * The adapter's DMA engines in front of its PCIe link. Each engine issues at most one DMA per issue
 * gap (calibration P5: below about 256 B the engine, not the link, limits throughput); a DMA goes
 * to the engine that is free first. Reads also need a read tag; when all are in flight, further
 * reads wait in issue order.
 *
 * <p>Statistics under {@code <name>}: {@code .engine<i>.busyPs} (utilisation = busyPs / observed
 * time), {@code .writes}, {@code .reads}, {@code .readsInFlight} (gauge), {@code .readTagWaitPs},
 * and the queue {@code <name>}: a DMA is in it from when it is ready (a read: from when it was
 * asked for, its wait for a read tag included) until its engine has issued it.
 */
public final class DmaEngines implements DmaRead.Observer {
  private final RnicSimulator simulator;
  private final PcieLink link;
  private final long writeIssueGapPs;
  private final long readIssueGapPs;
  private final int maxOutstandingReads;
  private final long[] engineFreePs;
  private final Counter[] engineBusyPs;
  private final Counter writes;
  private final Counter reads;
  private final TimeWeightedGauge readsInFlightGauge;
  private final LatencyHistogram readTagWaitPs;
  private final QueueStatistic queue;
  private final ArrayDeque<WaitingRead> waitingReads = new ArrayDeque<>();
  private int readsInFlight;

  private record WaitingRead(long readyAtPs, long arrivalPs, long payloadBytes, DmaRead read) {}

  public DmaEngines(
      RnicSimulator simulator,
      String name,
      PcieLink link,
      DmaProfile profile,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.link = link;
    this.writeIssueGapPs = Math.max(1, Math.round(1e12 / profile.writesPerSecondPerEngine()));
    this.readIssueGapPs = Math.max(1, Math.round(1e12 / profile.readsPerSecondPerEngine()));
    this.maxOutstandingReads = profile.maxOutstandingReads();
    this.engineFreePs = new long[profile.engines()];
    this.engineBusyPs = new Counter[profile.engines()];
    for (int i = 0; i < engineBusyPs.length; i++) {
      engineBusyPs[i] = stats.counter(name + ".engine" + i + ".busyPs");
    }
    this.writes = stats.counter(name + ".writes");
    this.reads = stats.counter(name + ".reads");
    this.readsInFlightGauge = stats.gauge(name + ".readsInFlight");
    this.readTagWaitPs = stats.histogram(name + ".readTagWaitPs");
    this.queue = stats.queue(name);
  }

  public PcieLink link() {
    return link;
  }

  /**
   * Issues a posted write of {@code payloadBytes} that is ready at {@code readyAtPs} and returns
   * the time it lands in host memory.
   */
  public long write(long readyAtPs, long payloadBytes) {
    writes.increment();
    return link.postWrite(issue(readyAtPs, writeIssueGapPs), payloadBytes);
  }

  /**
   * Issues a posted write of payload still streaming in from the port (see {@link
   * PcieLink#postStreamedWrite}) and returns the time its last TLP has left the adapter.
   */
  public long streamedWrite(long readyAtPs, long payloadBytes, long streamLeadPs) {
    writes.increment();
    return link.postStreamedWrite(issue(readyAtPs, writeIssueGapPs), payloadBytes, streamLeadPs);
  }

  /** As {@link #write(long, long)}, scheduling {@code onLanded} at the landing time. */
  public long write(long readyAtPs, long payloadBytes, SimEvent onLanded) {
    writes.increment();
    return link.postWrite(issue(readyAtPs, writeIssueGapPs), payloadBytes, onLanded);
  }

  /** Starts a read of {@code payloadBytes} ready at {@code readyAtPs}, once a read tag is free. */
  public void read(long readyAtPs, long payloadBytes, DmaRead read) {
    if (readsInFlight < maxOutstandingReads && waitingReads.isEmpty()) {
      startRead(readyAtPs, payloadBytes, read, Long.MAX_VALUE);
    } else {
      waitingReads.addLast(
          new WaitingRead(readyAtPs, Math.max(readyAtPs, simulator.nowPs()), payloadBytes, read));
    }
  }

  @Override
  public void dataArrived(DmaRead read) {
    readsInFlight--;
    readsInFlightGauge.set(readsInFlight);
    read.observeWith(null);
    if (!waitingReads.isEmpty()) {
      WaitingRead next = waitingReads.removeFirst();
      long now = simulator.nowPs();
      readTagWaitPs.recordPs(Math.max(0, now - next.readyAtPs()));
      startRead(
          Math.max(now, next.readyAtPs()), next.payloadBytes(), next.read(), next.arrivalPs());
    }
  }

  private void startRead(long readyAtPs, long payloadBytes, DmaRead read, long arrivalPs) {
    readsInFlight++;
    readsInFlightGauge.set(readsInFlight);
    reads.increment();
    read.observeWith(this);
    link.read(issue(readyAtPs, readIssueGapPs, arrivalPs), payloadBytes, read);
  }

  private long issue(long readyAtPs, long gapPs) {
    return issue(readyAtPs, gapPs, Long.MAX_VALUE);
  }

  /** Issues on the engine free first; the DMA has queued since {@code arrivalPs}, if earlier. */
  private long issue(long readyAtPs, long gapPs, long arrivalPs) {
    int engine = 0;
    for (int i = 1; i < engineFreePs.length; i++) {
      if (engineFreePs[i] < engineFreePs[engine]) {
        engine = i;
      }
    }
    long readyPs = Math.max(readyAtPs, simulator.nowPs());
    long issuePs = Math.max(readyPs, engineFreePs[engine]);
    engineFreePs[engine] = issuePs + gapPs;
    engineBusyPs[engine].add(gapPs);
    queue.record(Math.min(readyPs, arrivalPs), issuePs + gapPs);
    return issuePs;
  }
}
