package org.rnicsim.experiments.rdma;

import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.rdma.sim.BandwidthRun;
import org.rnicsim.experiments.rdma.sim.RunOutcome;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/** A validated bandwidth loop: each (operation, size) is a case, each (case, replication) a job. */
public record BandwidthPlan(
    TestbedPlan testbed, Transfers transfers, int window, int iterations, int warmUpIterations)
    implements RdmaPlan {

  public static final String KIND = "bandwidth";

  private static final List<Metric> METRICS = RdmaMetrics.of(RdmaMetrics.Shape.BANDWIDTH);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "bandwidth loop (perftest ib_*_bw), %s, window %d; %s, %s, %s",
        transfers.describe(),
        window,
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
        BandwidthRun.run(
            testbed,
            transfers,
            caseIndex,
            window,
            warmUpIterations,
            iterations,
            run.seed(),
            replication);
    return new Measurement(
        RdmaMetrics.values(RdmaMetrics.Shape.BANDWIDTH, outcome), outcome.eventsExecuted());
  }

  /** Every client posts its iterations, whatever the window. */
  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return packetsPerRound(caseIndex) * ((double) iterations + warmUpIterations);
  }

  @Override
  public RdmaMetrics.Shape shape() {
    return RdmaMetrics.Shape.BANDWIDTH;
  }
}
