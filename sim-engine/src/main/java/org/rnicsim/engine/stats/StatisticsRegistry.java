package org.rnicsim.engine.stats;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.trace.EngineTraceEvent.StatisticsReset;

/**
 * The statistics of one simulation, by name. Asking twice for a name returns the same object, so
 * components look their statistics up once and update them directly on the hot path.
 */
public final class StatisticsRegistry {
  private final RnicSimulator simulator;
  private final Map<String, LatencyHistogram> histograms = new TreeMap<>();
  private final Map<String, TimeWeightedGauge> gauges = new TreeMap<>();
  private final Map<String, Counter> counters = new TreeMap<>();
  private final Map<String, QueueStatistic> queues = new TreeMap<>();
  private long sincePs;

  public StatisticsRegistry(RnicSimulator simulator) {
    this.simulator = simulator;
    this.sincePs = simulator.nowPs();
  }

  public LatencyHistogram histogram(String name) {
    requireUnused(name, gauges, counters);
    return histograms.computeIfAbsent(name, LatencyHistogram::new);
  }

  public TimeWeightedGauge gauge(String name) {
    requireUnused(name, histograms, counters);
    return gauges.computeIfAbsent(name, n -> new TimeWeightedGauge(n, simulator));
  }

  public Counter counter(String name) {
    requireUnused(name, histograms, gauges);
    return counters.computeIfAbsent(name, n -> new Counter(n, simulator));
  }

  /** A queue's occupancy, throughput and sojourn: a kind of its own, in a namespace of its own. */
  public QueueStatistic queue(String name) {
    return queues.computeIfAbsent(name, n -> new QueueStatistic(n, simulator));
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
            .map(LatencyHistogram::summarize)
            .sorted(Comparator.comparing(HistogramSummary::name))
            .toList(),
        gauges.values().stream().map(TimeWeightedGauge::summarize).toList(),
        counters.values().stream().map(Counter::summarize).toList(),
        queues.values().stream().map(QueueStatistic::summarize).toList());
  }

  private static void requireUnused(String name, Map<String, ?> first, Map<String, ?> second) {
    if (first.containsKey(name) || second.containsKey(name)) {
      throw new IllegalArgumentException("statistic '" + name + "' already exists as another kind");
    }
  }
}
