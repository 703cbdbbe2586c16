package org.rnicsim.experiments.rdma;

import org.rnicsim.experiments.study.Problems;

/** Checks an iteration count of a loop. */
final class Iterations {
  private Iterations() {}

  static void check(Problems problems, String path, Integer value, int min, int max) {
    if (problems.require(value, path) != null) {
      problems.check(
          value >= min && value <= max, path, "be between " + min + " and " + max, value);
    }
  }
}
