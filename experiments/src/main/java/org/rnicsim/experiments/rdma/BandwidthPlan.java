package org.rnicsim.experiments.rdma;

import java.util.Locale;
import org.rnicsim.experiments.rdma.sim.BandwidthRun;
import org.rnicsim.experiments.rdma.sim.NdkWindowRun;
import org.rnicsim.experiments.rdma.sim.QpChoice;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/** A validated bandwidth loop: each (operation, size) is a case, each (case, replication) a job. */
public record BandwidthPlan(
    TestbedPlan testbed,
    Transfers transfers,
    int window,
    QpChoice qpChoice,
    int iterations,
    int warmUpIterations,
    boolean ndk)
    implements CountedLoopPlan {

  public static final String KIND = "bandwidth";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describeLoop() {
    return String.format(
        Locale.ROOT,
        "%sbandwidth loop (perftest ib_*_bw), %s, window %d%s",
        ndk ? "NDK consumer's " : "",
        transfers.describe(),
        window,
        qpChoice == QpChoice.RANDOM ? ", QPs chosen at random" : "");
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    if (ndk) {
      return measurement(
          NdkWindowRun.bandwidth(
              testbed,
              transfers,
              caseIndex,
              window,
              warmUpIterations,
              iterations,
              run.seed(),
              replication));
    }
    return measurement(
        BandwidthRun.run(
            testbed,
            transfers,
            caseIndex,
            window,
            qpChoice,
            warmUpIterations,
            iterations,
            run.seed(),
            replication));
  }

  @Override
  public RdmaMetrics.Shape shape() {
    return RdmaMetrics.Shape.BANDWIDTH;
  }
}
