package org.rnicsim.experiments.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Target a/b and a/c of the foundation: the hold model on (a) rnicsim's engine, (b) stock DSOL and
 * (c) a bare priority-queue loop, in the same JVM. Rounds are interleaved (a, b, c, a, b, c, ...)
 * so that a noisy neighbour or a JIT phase hits all three alike; medians are reported.
 */
public final class EngineBenchmark {
  /** How much work to do; the defaults take about half a minute on a two-core machine. */
  public record Settings(
      List<Integer> pendingEventCounts,
      long eventsPerRound,
      int warmupRounds,
      int measuredRounds,
      long seed) {
    public static Settings defaults() {
      return new Settings(List.of(1_000, 100_000), 1_000_000, 2, 5, 1);
    }

    public Settings {
      pendingEventCounts = List.copyOf(pendingEventCounts);
      if (eventsPerRound <= 0 || measuredRounds <= 0 || warmupRounds < 0) {
        throw new IllegalArgumentException("events per round and rounds must be positive");
      }
    }
  }

  /** Median events per wall second of each engine at one N, and the two target ratios. */
  public record Point(
      int pendingEvents,
      double rnicsimEventsPerSecond,
      double stockDsolEventsPerSecond,
      double priorityQueueEventsPerSecond) {
    /** Target: at least 4.0. */
    public double ratioVsStockDsol() {
      return rnicsimEventsPerSecond / stockDsolEventsPerSecond;
    }

    /** Target: at least 0.75. */
    public double ratioVsPriorityQueue() {
      return rnicsimEventsPerSecond / priorityQueueEventsPerSecond;
    }
  }

  public static final double TARGET_RATIO_VS_STOCK_DSOL = 4.0;
  public static final double TARGET_RATIO_VS_PRIORITY_QUEUE = 0.75;

  private final HoldModel rnicsim = new RnicsimHold();
  private final HoldModel stockDsol = new StockDsolHold();
  private final HoldModel priorityQueue = new PriorityQueueHold();

  public List<Point> run(Settings settings, Consumer<String> progress) {
    List<Point> points = new ArrayList<>();
    for (int n : settings.pendingEventCounts()) {
      HoldModel[] engines = {rnicsim, stockDsol, priorityQueue};
      double[][] rates = new double[engines.length][settings.measuredRounds()];
      int totalRounds = settings.warmupRounds() + settings.measuredRounds();
      for (int round = 0; round < totalRounds; round++) {
        boolean measured = round >= settings.warmupRounds();
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "N = %,d: %s round %d of %d",
                n,
                measured ? "measured" : "warm-up",
                measured ? round - settings.warmupRounds() + 1 : round + 1,
                measured ? settings.measuredRounds() : settings.warmupRounds()));
        for (int e = 0; e < engines.length; e++) {
          HoldModel.Measurement m = engines[e].run(n, settings.eventsPerRound(), settings.seed());
          if (measured) {
            rates[e][round - settings.warmupRounds()] = m.eventsPerSecond();
          }
        }
      }
      points.add(new Point(n, median(rates[0]), median(rates[1]), median(rates[2])));
    }
    return points;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
