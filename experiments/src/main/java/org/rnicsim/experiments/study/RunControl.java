package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How a study is run, as written in the file.
 *
 * @param seed master seed; every random stream derives from it, the replication number and the
 *     stream name
 * @param replications independent runs per point, giving the confidence intervals
 * @param warmUp simulated time before statistics start, with a unit ({@code "500us"})
 * @param duration simulated time measured after the warm-up, with a unit ({@code "20ms"})
 */
public record RunControl(
    @JsonPropertyDescription("master seed; the same seed gives byte-identical results") Long seed,
    @JsonPropertyDescription("independent runs per point, 1 to 10000; the 95 % CIs come from them")
        Integer replications,
    @JsonPropertyDescription("simulated time discarded before measuring, with a unit: 1ms")
        String warmUp,
    @JsonPropertyDescription("simulated time measured per replication, with a unit: 50ms")
        String duration) {

  /** More replications than this is a typo, not a study: it would run for days. */
  static final int MAX_REPLICATIONS = 10_000;

  RunPlan validate(Problems problems, String path) {
    int before = problems.count();
    problems.require(seed, path + ".seed");
    if (problems.require(replications, path + ".replications") != null) {
      problems.check(
          replications >= 1 && replications <= MAX_REPLICATIONS,
          path + ".replications",
          "be between 1 and " + MAX_REPLICATIONS,
          replications);
    }
    Long warmUpPs = problems.durationPs(warmUp, path + ".warmUp");
    if (warmUpPs != null) {
      problems.check(warmUpPs >= 0, path + ".warmUp", "not be negative", warmUp);
    }
    Long durationPs = problems.durationPs(duration, path + ".duration");
    if (durationPs != null) {
      problems.check(durationPs > 0, path + ".duration", "be positive", duration);
    }
    if (warmUpPs != null && durationPs != null && warmUpPs >= 0 && durationPs > 0) {
      // Simulated time is a long count of picoseconds; the sum must not wrap.
      problems.check(
          warmUpPs <= Long.MAX_VALUE - durationPs,
          path + ".duration",
          "together with warmUp fit in 106 days of simulated time",
          duration);
    }
    if (problems.count() > before) {
      return null;
    }
    return new RunPlan(seed, replications, warmUpPs, durationPs);
  }
}
