package org.rnicsim.engine.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
  private static final String STOPPED = "a statistic this run does not observe";
  private long sincePs;
  private Predicate<String> observed = name -> true;
  // What a statistic asked for after observeOnly gets when it is not kept: one stopped object of
  // each kind, shared, so its updates (a flag test) touch a line that stays in cache.
  private final LatencyHistogram stoppedHistogram = new LatencyHistogram(STOPPED);
  private final TimeWeightedGauge stoppedGauge;
  private final Counter stoppedCounter;
  private final QueueStatistic stoppedQueue;

  public StatisticsRegistry(RnicSimulator simulator) {
    this.simulator = simulator;
    this.sincePs = simulator.nowPs();
    this.stoppedGauge = new TimeWeightedGauge(STOPPED, simulator);
    this.stoppedCounter = new Counter(STOPPED, simulator);
    this.stoppedQueue = new QueueStatistic(STOPPED, simulator);
    stoppedHistogram.stopObserving();
    stoppedGauge.stopObserving();
    stoppedCounter.stopObserving();
    stoppedQueue.stopObserving();
  }

  public LatencyHistogram histogram(String name) {
    requireUnused(name, gauges, counters);
    return lookUp(histograms, name, LatencyHistogram::new, stoppedHistogram);
  }

  public TimeWeightedGauge gauge(String name) {
    requireUnused(name, histograms, counters);
    return lookUp(gauges, name, n -> new TimeWeightedGauge(n, simulator), stoppedGauge);
  }

  public Counter counter(String name) {
    requireUnused(name, histograms, gauges);
    return lookUp(counters, name, n -> new Counter(n, simulator), stoppedCounter);
  }

  /** A queue's occupancy, throughput and sojourn: a kind of its own, in a namespace of its own. */
  public QueueStatistic queue(String name) {
    return lookUp(queues, name, n -> new QueueStatistic(n, simulator), stoppedQueue);
  }

  /** The statistic of that name, made on first use; the shared stopped one if it is not kept. */
  private <T> T lookUp(Map<String, T> made, String name, Function<String, T> make, T stopped) {
    T statistic = made.get(name);
    if (statistic == null) {
      if (!observed.test(name)) {
        return stopped;
      }
      statistic = make.apply(name);
      made.put(name, statistic);
    }
    return statistic;
  }

  /**
   * From now on only the statistics whose names {@code kept} accepts record anything, those made
   * later included; the rest are left out of {@link #summarize()} and refuse to be read. For a run
   * that reads a handful of figures out of thousands of statistics (a fabric of flows), this spares
   * the per-packet bookkeeping nobody reports. Once stopped, a statistic stays stopped. Called
   * before the model is built it is cheapest: every statistic not kept is then one shared stopped
   * object of its kind.
   */
  public void observeOnly(Predicate<String> kept) {
    observed = observed.and(kept);
    for (Map<String, ? extends Observation> made : List.of(histograms, gauges, counters, queues)) {
      made.values().stream()
          .filter(statistic -> !kept.test(statistic.name()))
          .forEach(Observation::stopObserving);
    }
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
