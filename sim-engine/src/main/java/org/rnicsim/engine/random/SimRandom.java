package org.rnicsim.engine.random;

import java.util.SplittableRandom;

/** One named, seeded random stream with the distributions the models draw from. */
public final class SimRandom {
  private final String name;
  private final SplittableRandom generator;

  SimRandom(String name, long seed) {
    this.name = name;
    this.generator = new SplittableRandom(seed);
  }

  public String name() {
    return name;
  }

  /** Uniform on [0, 1). */
  public double nextDouble() {
    return generator.nextDouble();
  }

  /** Uniform on [0, bound). */
  public long nextLong(long bound) {
    return generator.nextLong(bound);
  }

  /** Uniform on [lowInclusive, highExclusive). */
  public long uniformLong(long lowInclusive, long highExclusive) {
    return generator.nextLong(lowInclusive, highExclusive);
  }

  /** True with probability {@code p}. */
  public boolean bernoulli(double p) {
    return generator.nextDouble() < p;
  }

  /** Exponential with the given mean (any unit). */
  public double exponential(double mean) {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -mean * Math.log(1.0 - generator.nextDouble());
  }

  /** Exponential duration with the given mean, rounded to whole picoseconds. */
  public long exponentialPs(double meanPs) {
    return Math.round(exponential(meanPs));
  }

  /** Normal with the given mean and standard deviation (Box-Muller on this stream). */
  public double normal(double mean, double standardDeviation) {
    double u1 = 1.0 - generator.nextDouble();
    double u2 = generator.nextDouble();
    return mean + standardDeviation * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
