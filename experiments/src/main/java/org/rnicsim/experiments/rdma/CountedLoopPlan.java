package org.rnicsim.experiments.rdma;

import org.rnicsim.experiments.study.RunPlan;

/**
 * An RDMA loop that counts its rounds, as perftest's {@code -n} does, instead of running for a span
 * of simulated time: each client posts its warm-up iterations, then its measured ones.
 */
public interface CountedLoopPlan extends RdmaPlan {
  /** Measured iterations per client. */
  int iterations();

  /** Unmeasured iterations per client before the measured ones. */
  int warmUpIterations();

  @Override
  default String measuredSpan(RunPlan run) {
    return iterations() + " iterations after " + warmUpIterations() + " warm-up";
  }

  /** Every client posts all its iterations, whatever its window. */
  @Override
  default double relativeCost(RunPlan run, int caseIndex) {
    return packetsPerRound(caseIndex) * ((double) iterations() + warmUpIterations());
  }
}
