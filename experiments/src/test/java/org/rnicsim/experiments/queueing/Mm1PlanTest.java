package org.rnicsim.experiments.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.RunPlan;

class Mm1PlanTest {
  private static final long MEAN_SERVICE_PS = SimTime.PS_PER_US;

  @Test
  void whenModerateLoad_thenAnalyticMeanWaitLiesInsideTheNinetyFivePercentInterval() {
    // 20 replications of 100k customers each: the interval is a few percent wide, so a biased model
    // (a wait measured from the wrong time, warm-up not discarded) lands outside it.
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.5));

    double analyticNs = plan.reference(Mm1Plan.MEAN_WAIT, 0.5);
    assertEquals(1000.0, analyticNs, 1e-9, "Wq = rho/(mu - lambda) at rho = 0.5, in ns");
    assertIntervalHolds(plan, analyticNs);
  }

  /** 20 replications of 100k customers at rho 0.5: the interval holds the value and is narrow. */
  private static void assertIntervalHolds(Mm1Plan plan, double analyticNs) {
    RunPlan run = new RunPlan(42, 20, 2 * SimTime.PS_PER_MS, 200 * SimTime.PS_PER_MS);
    double[] waitsNs =
        IntStream.range(0, 20)
            .parallel()
            .mapToDouble(r -> plan.measure(run, 0, r).values().get(0))
            .toArray();
    ConfidenceInterval wait = ConfidenceInterval.of(waitsNs, 0.95);

    assertTrue(
        wait.contains(analyticNs),
        "analytic " + analyticNs + " ns outside " + wait.low() + " .. " + wait.high());
    assertTrue(
        wait.halfWidth() < 0.05 * analyticNs,
        "interval too wide to mean anything: +/- " + wait.halfWidth() + " ns");
  }

  @Test
  void whenDeterministicService_thenMeanWaitMatchesPollaczekKhinchineWithinTheSameInterval() {
    // Same runs and same tolerance as the M/M/1 test: M/D/1 waits half as long at the same load,
    // Wq = rho / (2 (mu - lambda)); a service time still drawn from the exponential lands near
    // twice this and fails.
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, ServiceDistribution.DETERMINISTIC, List.of(0.5));

    double analyticNs = plan.reference(Mm1Plan.MEAN_WAIT, 0.5);
    assertEquals(500.0, analyticNs, 1e-9, "Pollaczek-Khinchine at rho = 0.5, Cs^2 = 0, in ns");
    assertIntervalHolds(plan, analyticNs);
  }

  @Test
  void whenSameJobRunsTwiceOnDifferentThreads_thenMeasurementsAreIdentical() throws Exception {
    RunPlan run = new RunPlan(3, 6, 0, 5 * SimTime.PS_PER_MS);
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.2, 0.8));
    Measurement[] other = new Measurement[1];
    Thread thread = new Thread(() -> other[0] = plan.measure(run, 1, 4));
    thread.start();
    Measurement here = plan.measure(run, 1, 4);
    thread.join();

    assertEquals(here, other[0]);
  }

  @Test
  void whenSeedChanges_thenResultsChange() {
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.5));
    RunPlan one = new RunPlan(1, 2, 0, SimTime.PS_PER_MS);
    RunPlan two = new RunPlan(2, 2, 0, SimTime.PS_PER_MS);

    assertNotEquals(
        plan.measure(one, 0, 0).values().get(0),
        plan.measure(two, 0, 0).values().get(0),
        "the seed must reach the random streams");
  }
}
