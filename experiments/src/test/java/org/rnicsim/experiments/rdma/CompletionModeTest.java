package org.rnicsim.experiments.rdma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPlan;

/**
 * Completions seen through interrupts cost what the path costs: the EQE and MSI-X, an ISR and a DPC
 * on the consumer's core; moderation trades interrupts for latency.
 */
class CompletionModeTest {
  @TempDir Path dir;

  private StudyPlan plan(String completion, String workload) throws Exception {
    String text =
        "name: modes\nrun: {replications: 1, warmUp: 100us, duration: 2ms}\ncompletion: "
            + completion
            + "\nworkload: "
            + workload
            + "\n";
    Path file = Files.writeString(dir.resolve("modes.yaml"), text);
    return new StudyLoader(WorkloadKinds.all())
        .load(file, "modes.yaml", List.of(), StudyLoader.Expansion.ONE_POINT)
        .points()
        .get(0)
        .plan();
  }

  private static double metric(StudyPlan plan, String id) {
    Measurement measurement = plan.workload().measure(plan.run(), 0, 0);
    int index = plan.workload().metrics().stream().map(m -> m.id()).toList().indexOf(id);
    return measurement.values().get(index);
  }

  @Test
  void whenASendPingPongTakesInterrupts_thenEachWayCostsAtLeastTheIsrAndDpcMore() throws Exception {
    String workload =
        "{kind: latency, operations: [send], sizes: [32B], iterations: 50, warmUpIterations: 5}";
    double polledUs = metric(plan("{mode: polling}", workload), RdmaMetrics.T_TYPICAL);
    double interruptedUs = metric(plan("{mode: interrupts}", workload), RdmaMetrics.T_TYPICAL);

    assertEquals(0.82, polledUs, 0.082, "R1 when polling");
    // ISR 1 us + DPC 0.5 us on each side of the one-way trip, plus the EQE and MSI-X writes.
    assertTrue(interruptedUs > polledUs + 1.5, polledUs + " -> " + interruptedUs);
  }

  @Test
  void whenModerationWaitsForMoreCompletions_thenFewerInterruptsAndLongerLatency()
      throws Exception {
    String workload = "{kind: open-loop, operations: [write], sizes: [64B], rate: 500Kops/s}";
    StudyPlan everyCqe = plan("{mode: interrupts, moderation: {count: 1, period: 0us}}", workload);
    StudyPlan moderated =
        plan("{mode: interrupts, moderation: {count: 16, period: 16us}}", workload);

    double everyRate = metric(everyCqe, RdmaMetrics.INTERRUPT_RATE);
    double moderatedRate = metric(moderated, RdmaMetrics.INTERRUPT_RATE);
    assertTrue(moderatedRate < everyRate / 3, everyRate + " vs " + moderatedRate);
    assertTrue(
        metric(moderated, RdmaMetrics.T_TYPICAL) > metric(everyCqe, RdmaMetrics.T_TYPICAL),
        "moderation delays completions");
  }

  @Test
  void whenAThrottleIsSet_thenInterruptsNeverExceedOnePerPeriod() throws Exception {
    String workload = "{kind: open-loop, operations: [write], sizes: [64B], rate: 500Kops/s}";
    StudyPlan unthrottled = plan("{mode: interrupts}", workload);
    StudyPlan throttled = plan("{mode: interrupts, throttle: 125us}", workload);

    double freeRate = metric(unthrottled, RdmaMetrics.INTERRUPT_RATE);
    double throttledRate = metric(throttled, RdmaMetrics.INTERRUPT_RATE);
    // One client event queue at 500 Kops/s: without a throttle far above 8,000 per second;
    // with one, at most one per 125 us (I3), and close to it because completions keep coming.
    assertTrue(freeRate > 50_000, "unthrottled " + freeRate);
    assertTrue(throttledRate <= 8_000, "throttled " + throttledRate);
    assertTrue(throttledRate > 6_000, "throttled " + throttledRate);
  }

  @Test
  void whenModerationHasACountOfOneButAPeriod_thenTheStudyIsRefusedAndPointedToTheThrottle()
      throws Exception {
    String workload = "{kind: open-loop, operations: [write], sizes: [64B], rate: 500Kops/s}";
    Exception refused =
        assertThrows(
            Exception.class,
            () -> plan("{mode: interrupts, moderation: {count: 1, period: 125us}}", workload));
    assertTrue(refused.getMessage().contains("completion.moderation"), refused.getMessage());
    assertTrue(refused.getMessage().contains("completion.throttle: 125us"), refused.getMessage());
  }
}
