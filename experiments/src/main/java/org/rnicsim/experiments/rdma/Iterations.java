package org.rnicsim.experiments.rdma;

import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Problems;

/** Checks the iteration counts of a loop. */
final class Iterations {
  /**
   * Payload one case may move, warm-up included: about a minute of simulation per 64 GiB on a
   * laptop core; far more is a typo (a billion iterations, a gigabyte per message), not a study.
   */
  static final long MAX_BYTES_PER_CASE = 64L << 30;

  private Iterations() {}

  /** Refuses loops whose largest case would move more than {@link #MAX_BYTES_PER_CASE}. */
  static void checkVolume(
      Problems problems, String path, Integer iterations, Integer warmUp, Transfers transfers) {
    if (iterations == null || warmUp == null || transfers == null) {
      return;
    }
    long largest = transfers.sizesBytes().stream().mapToLong(Long::longValue).max().orElse(0);
    double bytes = (double) largest * ((long) iterations + warmUp);
    problems.check(
        bytes <= MAX_BYTES_PER_CASE,
        path,
        "keep each case under 64GiB of payload at the largest size (fewer iterations or smaller sizes)",
        String.format(java.util.Locale.ROOT, "%.0f GiB", bytes / (1L << 30)));
  }

  static void check(Problems problems, String path, Integer value, int min, int max) {
    if (problems.require(value, path) != null) {
      problems.check(
          value >= min && value <= max, path, "be between " + min + " and " + max, value);
    }
  }
}
