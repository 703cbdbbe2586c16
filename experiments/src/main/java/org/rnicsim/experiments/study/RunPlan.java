package org.rnicsim.experiments.study;

/**
 * Validated run control.
 *
 * @param seed master seed
 * @param replications independent runs per point, at least one
 * @param warmUpPs simulated time discarded before statistics start
 * @param durationPs simulated time measured after the warm-up
 */
public record RunPlan(long seed, int replications, long warmUpPs, long durationPs) {

  /** Simulated time one replication covers, warm-up included. */
  public long endPs() {
    return warmUpPs + durationPs;
  }
}
