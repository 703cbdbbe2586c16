package org.rnicsim.experiments.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.RunPlan;

class Mm1ExperimentTest {
  private static final long MEAN_SERVICE_PS = SimTime.PS_PER_US;

  @Test
  void whenModerateLoad_thenAnalyticMeanWaitLiesInsideTheNinetyFivePercentInterval() {
    // 20 replications of 100k customers each: the interval is a few percent wide, so a biased model
    // (a wait measured from the wrong time, warm-up not discarded) lands outside it.
    RunPlan run = new RunPlan(42, 20, 2 * SimTime.PS_PER_MS, 200 * SimTime.PS_PER_MS);
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.5));

    LoadPoint point = Mm1Experiment.run(run, plan).get(0);

    double analyticPs = Mm1Theory.meanWaitPs(0.5, MEAN_SERVICE_PS);
    assertEquals(1.0 * SimTime.PS_PER_US, analyticPs, 1e-6, "Wq = rho/(mu - lambda) at rho = 0.5");
    ConfidenceInterval wait = point.meanWait();
    assertTrue(
        wait.contains(analyticPs),
        "analytic " + analyticPs + " ps outside " + wait.low() + " .. " + wait.high());
    assertTrue(
        wait.halfWidth() < 0.05 * analyticPs,
        "interval too wide to mean anything: +/- " + wait.halfWidth() + " ps");
    assertEquals(20, wait.samples());
  }

  @Test
  void whenRunTwice_thenResultsAreIdenticalDespiteParallelReplications() {
    RunPlan run = new RunPlan(3, 6, 0, 5 * SimTime.PS_PER_MS);
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.2, 0.8));

    assertEquals(Mm1Experiment.run(run, plan), Mm1Experiment.run(run, plan));
  }

  @Test
  void whenSeedChanges_thenResultsChange() {
    Mm1Plan plan = new Mm1Plan(MEAN_SERVICE_PS, List.of(0.5));
    RunPlan one = new RunPlan(1, 2, 0, SimTime.PS_PER_MS);
    RunPlan two = new RunPlan(2, 2, 0, SimTime.PS_PER_MS);

    double first = Mm1Experiment.run(one, plan).get(0).meanWait().mean();
    double second = Mm1Experiment.run(two, plan).get(0).meanWait().mean();

    assertTrue(first != second, "the seed must reach the random streams");
  }
}
