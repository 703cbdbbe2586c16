package org.rnicsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;

class StatisticsTest {
  private final RnicSimulator sim = new RnicSimulator("stats");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);

  @Test
  void histogramSummaryMatchesHandComputedValues() {
    LatencyHistogram h = stats.histogram("lat");
    for (long v : new long[] {1_000, 2_000, 3_000, 4_000, 10_000}) {
      h.recordPs(v);
    }
    HistogramSummary s = h.summarize();
    assertEquals(5, s.count());
    assertEquals(4_000.0, s.meanPs(), 1e-9); // (1+2+3+4+10)/5 = 4 ns
    assertEquals(1_000, s.minPs());
    assertEquals(10_000, s.maxPs());
    // sample variance: (9+4+1+0+36)/4 = 12.5 ns^2 -> 3535.53 ps
    assertEquals(3_535.53, s.stdDevPs(), 0.01);
    assertEquals(3_000, s.p50Ps(), 3, "median of five values is the third");
    assertEquals(10_000, s.p99Ps(), 10);
  }

  @Test
  void percentilesOfAUniformSpreadAreWithinATenthOfAPercent() {
    LatencyHistogram h = stats.histogram("uniform");
    for (long v = 1; v <= 100_000; v++) {
      h.recordPs(v * 1_000);
    }
    HistogramSummary s = h.summarize();
    assertEquals(50_000_000, s.p50Ps(), 50_000);
    assertEquals(90_000_000, s.p90Ps(), 90_000);
    assertEquals(99_000_000, s.p99Ps(), 99_000);
    assertEquals(99_900_000, s.p999Ps(), 99_900);
  }

  @Test
  void anEmptyHistogramSaysSoInsteadOfInventingNumbers() {
    HistogramSummary s = stats.histogram("none").summarize();
    assertEquals(0, s.count());
    assertTrue(Double.isNaN(s.meanPs()));
  }

  @Test
  void negativeLatenciesAreAModelBug() {
    assertThrows(IllegalArgumentException.class, () -> stats.histogram("x").recordPs(-1));
  }

  @Test
  void gaugeAverageWeightsEachLevelByTheTimeItWasHeld() {
    TimeWeightedGauge g = stats.gauge("occupancy");
    sim.schedule(10, () -> g.set(4)); // 0 for 10 ps
    sim.schedule(40, () -> g.set(1)); // 4 for 30 ps
    sim.runUntil(100); // 1 for 60 ps
    GaugeSummary s = g.summarize();
    // (0*10 + 4*30 + 1*60) / 100 = 1.8
    assertEquals(1.8, s.timeAverage(), 1e-12);
    assertEquals(0, s.min());
    assertEquals(4, s.max());
    assertEquals(100, s.observedPs());
  }

  @Test
  void counterRateIsPerSimulatedSecond() {
    Counter c = stats.counter("interrupts");
    sim.schedule(1_000_000, () -> c.add(5)); // five at 1 us
    sim.runUntil(2_000_000); // over 2 us
    CounterSummary s = c.summarize();
    assertEquals(5, s.count());
    assertEquals(2.5e6, s.ratePerSecond(), 1e-6);
  }

  @Test
  void resetAtEndOfWarmUpForgetsTheTransientButKeepsTheCurrentLevel() {
    LatencyHistogram h = stats.histogram("lat");
    TimeWeightedGauge g = stats.gauge("level");
    Counter c = stats.counter("count");
    sim.schedule(
        10,
        () -> {
          h.recordPs(1_000_000);
          g.set(10);
          c.increment();
        });
    stats.resetAt(50);
    sim.schedule(50, () -> h.recordPs(2_000)); // same time as the reset: counted after it
    sim.schedule(150, () -> g.set(0));
    sim.runUntil(250);
    StatisticsSummary s = stats.summarize();
    assertEquals(1, s.histogram("lat").count());
    assertEquals(2_000, s.histogram("lat").maxPs());
    assertEquals(0, s.counter("count").count());
    assertEquals(5.0, s.gauge("level").timeAverage(), 1e-12, "10 for 100 ps then 0 for 100 ps");
    assertEquals(50, s.fromPs());
    assertEquals(250, s.toPs());
  }

  @Test
  void summaryListsStatisticsByNameAndTheSameNameIsTheSameObject() {
    stats.histogram("b");
    stats.histogram("a");
    assertEquals(stats.counter("c"), stats.counter("c"));
    assertEquals(
        List.of("a", "b"),
        stats.summarize().histograms().stream().map(HistogramSummary::name).toList());
    assertThrows(IllegalArgumentException.class, () -> stats.gauge("a"), "a name has one kind");
  }
}
