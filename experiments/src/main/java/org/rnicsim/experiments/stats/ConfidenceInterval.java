package org.rnicsim.experiments.stats;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A mean over independent replications with its Student t confidence interval.
 *
 * @param mean sample mean
 * @param halfWidth half the width of the interval; NaN with fewer than two samples, where no
 *     interval exists
 * @param samples how many replications went in
 * @param level confidence level, for example 0.95
 */
public record ConfidenceInterval(double mean, double halfWidth, int samples, double level) {

  /**
   * The interval of the mean of {@code samples}. Commons Statistics computes the mean and the
   * unbiased variance; both are deterministic functions of the array, so reruns agree to the bit.
   */
  public static ConfidenceInterval of(double[] samples, double level) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    int n = samples.length;
    double mean = Mean.of(samples).getAsDouble();
    if (n < 2) {
      return new ConfidenceInterval(mean, Double.NaN, n, level);
    }
    double standardError = Math.sqrt(Variance.of(samples).getAsDouble() / n);
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + level / 2.0);
    return new ConfidenceInterval(mean, t * standardError, n, level);
  }

  public double low() {
    return mean - halfWidth;
  }

  public double high() {
    return mean + halfWidth;
  }

  /** Whether {@code value} lies inside the interval (never, when there is no interval). */
  public boolean contains(double value) {
    return value >= low() && value <= high();
  }
}
