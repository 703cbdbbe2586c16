package org.rnicsim.experiments.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * The time a sweep has left, from the jobs' estimated sizes rather than their count. Jobs start
 * largest first, so the first to finish are the largest: counting jobs, the first estimate took
 * their time for every job's and came out several times too high. Weighted by size, the remaining
 * work is the remaining share of the summed sizes.
 */
final class CostEta {
  private double totalCost = Double.NaN;
  private double doneCost;

  /** The summed size of the jobs to run. */
  synchronized void plan(double totalCost) {
    this.totalCost = totalCost;
    this.doneCost = 0;
  }

  /** A job of {@code cost} finished. */
  synchronized void done(double cost) {
    doneCost += cost;
  }

  /**
   * The time left after {@code elapsed}: elapsed times the work left over the work done; empty
   * until a job has finished or when the sizes are unknown.
   */
  synchronized Optional<Duration> remaining(Duration elapsed) {
    if (!(totalCost > 0) || !(doneCost > 0)) {
      return Optional.empty();
    }
    double left = Math.max(0, totalCost - doneCost) / doneCost;
    return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() * left)));
  }
}
