package org.rnicsim.experiments.rdma;

import org.rnicsim.experiments.rdma.sim.LatencyRun;
import org.rnicsim.experiments.rdma.sim.NdkLatencyRun;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/**
 * A validated latency loop: each (operation, size) is a case, each (case, replication) a job that
 * sets the machines up and runs warm-up and measured rounds on every client, one message at a time.
 */
public record LatencyPlan(
    TestbedPlan testbed, Transfers transfers, int iterations, int warmUpIterations, boolean ndk)
    implements CountedLoopPlan {

  public static final String KIND = "latency";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describeLoop() {
    return (ndk ? "NDK consumer's " : "")
        + "latency loop (perftest ib_*_lat), "
        + transfers.describe();
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    if (ndk) {
      return measurement(
          NdkLatencyRun.run(
              testbed,
              transfers,
              caseIndex,
              warmUpIterations,
              iterations,
              run.seed(),
              replication));
    }
    return measurement(
        LatencyRun.run(
            testbed, transfers, caseIndex, warmUpIterations, iterations, run.seed(), replication));
  }

  @Override
  public RdmaMetrics.Shape shape() {
    return RdmaMetrics.Shape.LATENCY;
  }
}
