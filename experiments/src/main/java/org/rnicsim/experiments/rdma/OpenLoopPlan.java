package org.rnicsim.experiments.rdma;

import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;
import org.rnicsim.experiments.rdma.sim.RunOutcome;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/** A validated open loop: each (operation, size) is a case, each (case, replication) a job. */
public record OpenLoopPlan(
    TestbedPlan testbed, Transfers transfers, long perClientPerSecond, int window, long p99TargetPs)
    implements RdmaPlan {

  public static final String KIND = "open-loop";

  private static final List<Metric> METRICS = RdmaMetrics.of(RdmaMetrics.Shape.OPEN_LOOP);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "open loop, Poisson arrivals at %,d ops/s per client, %s, window %d; %s, %s, %s",
        perClientPerSecond,
        transfers.describe(),
        window,
        testbed.hardware().name(),
        testbed.topology().describe(),
        testbed.completion().describe());
  }

  @Override
  public String measuredSpan(RunPlan run) {
    return SimTime.format(run.durationPs())
        + " after "
        + SimTime.format(run.warmUpPs())
        + " warm-up";
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
        OpenLoopRun.run(
            testbed, transfers, caseIndex, perClientPerSecond, window, run, replication);
    return new Measurement(
        RdmaMetrics.values(RdmaMetrics.Shape.OPEN_LOOP, outcome), outcome.eventsExecuted());
  }

  /** Arrivals over the whole run, warm-up included, of every client. */
  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return packetsPerRound(caseIndex) * perClientPerSecond * (double) run.endPs();
  }

  @Override
  public RdmaMetrics.Shape shape() {
    return RdmaMetrics.Shape.OPEN_LOOP;
  }
}
