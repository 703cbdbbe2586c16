package org.rnicsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;

/** A run that reads a few statistics stops the others, and reading a stopped one is an error. */
class ObserveOnlyTest {
  private final RnicSimulator sim = new RnicSimulator("observe-only");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);

  @Test
  void keptStatisticsRecordAsBeforeAndStoppedOnesLeaveTheSummary() {
    Counter keptCounter = stats.counter("link.delivered");
    Counter stoppedCounter = stats.counter("adapter.rx.packets");
    TimeWeightedGauge keptGauge = stats.gauge("switch.out0.queueBytes");
    TimeWeightedGauge stoppedGauge = stats.gauge("adapter.rxBuffer.usedBytes");
    QueueStatistic stoppedQueue = stats.queue("adapter.rxBuffer");
    LatencyHistogram stoppedHistogram = stats.histogram("adapter.latency.write.totalPs");
    stats.observeOnly(name -> name.startsWith("link.") || name.startsWith("switch."));
    LatencyHistogram madeLater = stats.histogram("adapter.latency.read.totalPs");

    sim.schedule(
        10,
        () -> {
          keptCounter.add(3);
          stoppedCounter.add(3);
          keptGauge.set(100);
          stoppedGauge.set(100);
          stoppedQueue.record(10, 30);
          stoppedHistogram.recordPs(1_000);
          madeLater.recordPs(1_000);
        });
    sim.runUntil(110);

    StatisticsSummary summary = stats.summarize();
    assertEquals(3, keptCounter.count());
    assertEquals(List.of("link.delivered"), names(summary.counters()));
    assertEquals(100.0 * 100 / 110, summary.gauge("switch.out0.queueBytes").timeAverage(), 1e-9);
    assertEquals(List.of("switch.out0.queueBytes"), names(summary.gauges()));
    assertEquals(List.of(), summary.queues());
    assertEquals(List.of(), summary.histograms());
  }

  @Test
  void readingAStoppedStatisticFailsInsteadOfAnsweringZero() {
    Counter counter = stats.counter("adapter.rx.packets");
    TimeWeightedGauge gauge = stats.gauge("adapter.rxBuffer.usedBytes");
    QueueStatistic queue = stats.queue("adapter.rxBuffer");
    LatencyHistogram histogram = stats.histogram("adapter.latency.write.totalPs");
    stats.observeOnly(name -> false);

    assertThrows(IllegalStateException.class, counter::count);
    assertThrows(IllegalStateException.class, counter::summarize);
    assertThrows(IllegalStateException.class, gauge::value);
    assertThrows(IllegalStateException.class, gauge::summarize);
    assertThrows(IllegalStateException.class, queue::summarize);
    assertThrows(IllegalStateException.class, histogram::count);
    assertThrows(IllegalStateException.class, histogram::summarize);
    assertThrows(
        IllegalStateException.class,
        () -> stats.counter("made.later").count(),
        "a statistic made after observeOnly obeys it too");
  }

  private static List<String> names(List<?> summaries) {
    return summaries.stream()
        .map(s -> s instanceof CounterSummary c ? c.name() : ((GaugeSummary) s).name())
        .toList();
  }
}
