package org.rnicsim.experiments.rdma;

import java.util.Locale;
import org.rnicsim.experiments.rdma.sim.NdkWindowRun;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/**
 * A validated open loop: each (operation, size) is a case, each (case, replication) a job. It runs
 * for the study's span of simulated time, so it keeps the default measured span.
 */
public record OpenLoopPlan(
    TestbedPlan testbed,
    Transfers transfers,
    long perClientPerSecond,
    int window,
    long p99TargetPs,
    boolean ndk)
    implements RdmaPlan {

  public static final String KIND = "open-loop";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describeLoop() {
    return String.format(
        Locale.ROOT,
        "%sopen loop, Poisson arrivals at %,d ops/s per client, %s, window %d",
        ndk ? "NDK consumer's " : "",
        perClientPerSecond,
        transfers.describe(),
        window);
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    if (ndk) {
      return measurement(
          NdkWindowRun.openLoop(
              testbed, transfers, caseIndex, perClientPerSecond, window, run, replication));
    }
    return measurement(
        OpenLoopRun.run(
            testbed, transfers, caseIndex, perClientPerSecond, window, run, replication));
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
