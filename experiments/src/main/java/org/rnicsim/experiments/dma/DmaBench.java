package org.rnicsim.experiments.dma;

import java.util.Arrays;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.control.FixedLatencyControlPath;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * One job of the dma workload: an adapter of the profile, its DMA engines kept {@code window} DMAs
 * deep in each direction asked for, each finished DMA replaced by the next (pcie-bench's closed
 * loop). Both loops run until both have measured, so in read-write each direction is measured while
 * the other still competes for the engines and the link. No random input: a pure function of its
 * arguments.
 */
final class DmaBench {

  /**
   * What one job measured; a direction that did not run has NaN.
   *
   * @param readBitsPerSecond read payload rate over the measured reads
   * @param readsPerSecond reads finished per second over the same span
   * @param readLatencyP50Ps median time from handing a read to the engines to its last byte
   * @param readLatencyP99Ps 99th percentile of the same
   * @param writeBitsPerSecond write payload rate, from the last warm-up write landing to the last
   * @param writesPerSecond writes landed per second over the same span
   * @param eventsExecuted simulator events
   */
  record Outcome(
      double readBitsPerSecond,
      double readsPerSecond,
      double readLatencyP50Ps,
      double readLatencyP99Ps,
      double writeBitsPerSecond,
      double writesPerSecond,
      long eventsExecuted) {}

  private final RnicSimulator simulator;
  private final DmaEngines engines;
  private final long bytes;
  private final int warmUp;
  private final int iterations;
  private Loop reads;
  private Loop writes;

  private DmaBench(HardwareProfile profile, long bytes, int warmUp, int iterations) {
    this.simulator = new RnicSimulator("dma-" + bytes);
    StatisticsRegistry stats = new StatisticsRegistry(simulator);
    Rnic adapter =
        new Rnic(
            simulator, "adapter", 1, profile, new FixedLatencyControlPath(simulator, 0), stats);
    this.engines = adapter.dma();
    this.bytes = bytes;
    this.warmUp = warmUp;
    this.iterations = iterations;
  }

  static Outcome run(
      HardwareProfile profile,
      DmaDirection direction,
      long bytes,
      int window,
      int warmUp,
      int iterations) {
    DmaBench bench = new DmaBench(profile, bytes, warmUp, iterations);
    return bench.measure(direction, window);
  }

  private Outcome measure(DmaDirection direction, int window) {
    reads = direction.reads() ? new Loop(iterations) : null;
    writes = direction.writes() ? new Loop(0) : null;
    simulator.schedule(
        0,
        () -> {
          for (int i = 0; i < window; i++) {
            if (reads != null) {
              issueRead();
            }
            if (writes != null) {
              new WriteSlot().issue();
            }
          }
        });
    simulator.runToEnd();
    double nan = Double.NaN;
    double[] sortedLatencies = reads == null ? null : reads.sortedLatenciesPs();
    return new Outcome(
        reads == null ? nan : reads.bitsPerSecond(bytes),
        reads == null ? nan : reads.perSecond(),
        reads == null ? nan : nearestRank(sortedLatencies, 0.50),
        reads == null ? nan : nearestRank(sortedLatencies, 0.99),
        writes == null ? nan : writes.bitsPerSecond(bytes),
        writes == null ? nan : writes.perSecond(),
        simulator.eventsExecuted());
  }

  /** Keeps issuing while any direction still measures, so none runs its tail alone. */
  private boolean measuring() {
    return (reads != null && !reads.done()) || (writes != null && !writes.done());
  }

  private void issueRead() {
    long issuedPs = simulator.nowPs();
    engines.read(
        issuedPs,
        bytes,
        DmaRead.of(
            () -> {
              reads.finished(simulator.nowPs(), issuedPs);
              if (measuring()) {
                issueRead();
              }
            }));
  }

  /** One place in the write window: posted, landed, posted again. */
  private final class WriteSlot extends SimEvent {
    void issue() {
      engines.write(simulator.nowPs(), bytes, this);
    }

    @Override
    protected void fire() {
      writes.finished(simulator.nowPs(), simulator.nowPs());
      if (measuring()) {
        issue();
      }
    }
  }

  /**
   * The p-quantile by the nearest-rank rule (the smallest value with at least p of the sample at or
   * below it), which is always an observed latency.
   */
  private static double nearestRank(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Counts one direction's finished DMAs: the warm-up, then the measured span. */
  private final class Loop {
    private final double[] latenciesPs;
    private long finished;
    private long spanStartPs;
    private long spanEndPs;

    Loop(int latencySlots) {
      this.latenciesPs = new double[latencySlots];
    }

    void finished(long nowPs, long issuedPs) {
      finished++;
      if (finished == warmUp) {
        spanStartPs = nowPs;
      } else if (finished > warmUp && finished <= (long) warmUp + iterations) {
        if (latenciesPs.length > 0) {
          latenciesPs[(int) (finished - warmUp - 1)] = nowPs - issuedPs;
        }
        spanEndPs = nowPs;
      }
    }

    boolean done() {
      return finished >= (long) warmUp + iterations;
    }

    double perSecond() {
      return iterations / ((spanEndPs - spanStartPs) / 1e12);
    }

    double bitsPerSecond(long payloadBytes) {
      return perSecond() * payloadBytes * 8.0;
    }

    double[] sortedLatenciesPs() {
      double[] sorted = latenciesPs.clone();
      Arrays.sort(sorted);
      return sorted;
    }
  }
}
