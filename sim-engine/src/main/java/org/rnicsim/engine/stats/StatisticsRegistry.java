package org.rnicsim.engine.stats;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.trace.EngineTraceEvent.StatisticsReset;

/**
 * The statistics of one simulation, by name. Asking twice for a name returns the same object, so
 * components look their statistics up once and update them directly on the hot path.
 *
 * <p>A run whose outputs read only a few statistics says which with {@link #observeOnly}: the
 * others stop recording (their per-packet updates return at once) and leave the summaries, and
 * reading one of them is an error rather than a silent zero.
 */
public final class StatisticsRegistry {
  private final RnicSimulator simulator;
  private final Map<String, LatencyHistogram> histograms = new TreeMap<>();
  private final Map<String, TimeWeightedGauge> gauges = new TreeMap<>();
  private final Map<String, Counter> counters = new TreeMap<>();
  private final Map<String, QueueStatistic> queues = new TreeMap<>();
  private long sincePs;
  private Predicate<String> observed = name -> true;

  public StatisticsRegistry(RnicSimulator simulator) {
    this.simulator = simulator;
    this.sincePs = simulator.nowPs();
  }

  public LatencyHistogram histogram(String name) {
    requireUnused(name, gauges, counters);
    LatencyHistogram histogram = histograms.computeIfAbsent(name, LatencyHistogram::new);
    if (!observed.test(name)) {
      histogram.stopObserving();
    }
    return histogram;
  }

  public TimeWeightedGauge gauge(String name) {
    requireUnused(name, histograms, counters);
    TimeWeightedGauge gauge =
        gauges.computeIfAbsent(name, n -> new TimeWeightedGauge(n, simulator));
    if (!observed.test(name)) {
      gauge.stopObserving();
    }
    return gauge;
  }

  public Counter counter(String name) {
    requireUnused(name, histograms, gauges);
    Counter counter = counters.computeIfAbsent(name, n -> new Counter(n, simulator));
    if (!observed.test(name)) {
      counter.stopObserving();
    }
    return counter;
  }

  /** A queue's occupancy, throughput and sojourn: a kind of its own, in a namespace of its own. */
  public QueueStatistic queue(String name) {
    QueueStatistic queue = queues.computeIfAbsent(name, n -> new QueueStatistic(n, simulator));
    if (!observed.test(name)) {
      queue.stopObserving();
    }
    return queue;
  }

  /**
   * From now on only the statistics whose names {@code kept} accepts record anything, those made
   * later included; the rest are left out of {@link #summarize()} and refuse to be read. For a run
   * that reads a handful of figures out of thousands of statistics (a fabric of flows), this spares
   * the per-packet bookkeeping nobody reports. Once stopped, a statistic stays stopped.
   */
  public void observeOnly(Predicate<String> kept) {
    observed = observed.and(kept);
    histograms.values().stream()
        .filter(h -> !kept.test(h.name()))
        .forEach(LatencyHistogram::stopObserving);
    gauges.values().stream()
        .filter(g -> !kept.test(g.name()))
        .forEach(TimeWeightedGauge::stopObserving);
    counters.values().stream().filter(c -> !kept.test(c.name())).forEach(Counter::stopObserving);
    queues.values().stream()
        .filter(q -> !kept.test(q.name()))
        .forEach(QueueStatistic::stopObserving);
  }

  /** Forgets everything observed so far: called at the end of warm-up. */
  public void resetAll() {
    histograms.values().forEach(LatencyHistogram::reset);
    gauges.values().forEach(TimeWeightedGauge::reset);
    counters.values().forEach(Counter::reset);
    queues.values().forEach(QueueStatistic::reset);
    sincePs = simulator.nowPs();
    if (simulator.trace().isOn()) {
      simulator.trace().emit(new StatisticsReset(sincePs));
    }
  }

  /** Schedules {@link #resetAll()} at {@code warmupEndPs}, before any other event at that time. */
  public void resetAt(long warmupEndPs) {
    simulator.scheduleAt(warmupEndPs, RnicSimulator.PRIORITY_HIGH + 1, this::resetAll);
  }

  public StatisticsSummary summarize() {
    return new StatisticsSummary(
        sincePs,
        simulator.nowPs(),
        histograms.values().stream()
            .filter(LatencyHistogram::observed)
            .map(LatencyHistogram::summarize)
            .sorted(Comparator.comparing(HistogramSummary::name))
            .toList(),
        gauges.values().stream()
            .filter(TimeWeightedGauge::observed)
            .map(TimeWeightedGauge::summarize)
            .toList(),
        counters.values().stream().filter(Counter::observed).map(Counter::summarize).toList(),
        queues.values().stream()
            .filter(QueueStatistic::observed)
            .map(QueueStatistic::summarize)
            .toList());
  }

  private static void requireUnused(String name, Map<String, ?> first, Map<String, ?> second) {
    if (first.containsKey(name) || second.containsKey(name)) {
      throw new IllegalArgumentException("statistic '" + name + "' already exists as another kind");
    }
  }
}
