package org.rnicsim.engine.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.StatisticsSummary;

class SingleServerQueueTest {
  private final RnicSimulator sim = new RnicSimulator("queue");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);
  private final List<String> departures = new ArrayList<>();

  @Test
  void jobsAreServedFirstInFirstOutAndWaitForTheServer() {
    SingleServerQueue<String> q =
        new SingleServerQueue<>(
            sim, "dma", 0, job -> 100, job -> departures.add(job + "@" + sim.nowPs()), stats);
    sim.schedule(0, () -> q.arrive("a"));
    sim.schedule(10, () -> q.arrive("b"));
    sim.schedule(20, () -> q.arrive("c"));
    sim.schedule(500, () -> q.arrive("d"));
    sim.runToEnd();
    assertEquals(List.of("a@100", "b@200", "c@300", "d@600"), departures);
    StatisticsSummary s = stats.summarize();
    // waits: 0, 90, 180, 0
    assertEquals(67.5, s.histogram("dma.waitPs").meanPs(), 1e-9);
    assertEquals(180, s.histogram("dma.waitPs").maxPs());
    // busy 0..300 and 500..600 of 600
    assertEquals(400.0 / 600, s.gauge("dma.busy").timeAverage(), 1e-12);
  }

  @Test
  void aFullStationDropsAndCountsTheArrival() {
    SingleServerQueue<String> q =
        new SingleServerQueue<>(sim, "buffer", 2, job -> 100, job -> departures.add(job), stats);
    List<Boolean> accepted = new ArrayList<>();
    sim.schedule(
        0,
        () -> {
          accepted.add(q.arrive("a"));
          accepted.add(q.arrive("b"));
          accepted.add(q.arrive("c"));
        });
    sim.runToEnd();
    assertEquals(List.of(true, true, false), accepted);
    assertEquals(List.of("a", "b"), departures);
    assertEquals(1, stats.summarize().counter("buffer.drops").count());
    assertFalse(q.isBusy());
    assertTrue(q.inSystem() == 0);
  }

  /**
   * M/M/1 at load 0.5 with a 1 us mean service time: Wq = rho / (mu - lambda) = 1 us. Ten
   * independent replications give a mean and a 95 % confidence interval that must contain it.
   */
  @Test
  void mm1MeanWaitingTimeMatchesTheAnalyticValueWithinItsConfidenceInterval() {
    double load = 0.5;
    double meanServicePs = SimTime.PS_PER_US;
    double analyticWaitPs = load / (1.0 / meanServicePs - load / meanServicePs);
    int replications = 10;
    double[] means = new double[replications];
    for (int r = 0; r < replications; r++) {
      StatisticsSummary s =
          MM1Run.run(
              2026, r, load, meanServicePs, 2_000 * SimTime.PS_PER_US, 40_000 * SimTime.PS_PER_US);
      means[r] = s.histogram("station.waitPs").meanPs();
    }
    double sum = 0;
    for (double m : means) {
      sum += m;
    }
    double mean = sum / replications;
    double variance = 0;
    for (double m : means) {
      variance += (m - mean) * (m - mean) / (replications - 1);
    }
    double halfWidth = 2.262 * Math.sqrt(variance / replications); // t(0.975, 9)
    assertTrue(
        Math.abs(mean - analyticWaitPs) <= halfWidth,
        () ->
            String.format(
                "simulated %.1f ps +- %.1f, analytic %.1f ps", mean, halfWidth, analyticWaitPs));
    assertTrue(halfWidth < 0.1 * analyticWaitPs, "the interval is narrow enough to mean something");
  }
}
