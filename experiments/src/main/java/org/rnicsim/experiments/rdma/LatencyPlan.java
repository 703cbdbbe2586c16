package org.rnicsim.experiments.rdma;

import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.rdma.sim.LatencyRun;
import org.rnicsim.experiments.rdma.sim.RunOutcome;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/**
 * A validated latency loop: each (operation, size) is a case, each (case, replication) a job that
 * sets the machines up and runs warm-up and measured rounds on every client.
 */
public record LatencyPlan(
    TestbedPlan testbed, Transfers transfers, int iterations, int warmUpIterations)
    implements RdmaPlan {

  public static final String KIND = "latency";

  private static final List<Metric> METRICS = RdmaMetrics.of(RdmaMetrics.Shape.LATENCY);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "latency loop (perftest ib_*_lat), %s; %s, %s, %s",
        transfers.describe(),
        testbed.hardware().name(),
        testbed.topology().describe(),
        testbed.completion().describe());
  }

  @Override
  public String measuredSpan(RunPlan run) {
    return iterations + " iterations after " + warmUpIterations + " warm-up";
  }

  @Override
  public CaseAxis cases() {
    return transfers.cases();
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    RunOutcome outcome =
        LatencyRun.run(
            testbed, transfers, caseIndex, warmUpIterations, iterations, run.seed(), replication);
    return new Measurement(
        RdmaMetrics.values(RdmaMetrics.Shape.LATENCY, outcome), outcome.eventsExecuted());
  }

  /** Every client runs its rounds one message at a time. */
  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return packetsPerRound(caseIndex) * ((double) iterations + warmUpIterations);
  }

  @Override
  public RdmaMetrics.Shape shape() {
    return RdmaMetrics.Shape.LATENCY;
  }
}
