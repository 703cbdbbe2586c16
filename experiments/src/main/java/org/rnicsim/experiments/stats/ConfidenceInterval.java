package org.rnicsim.experiments.stats;

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
   * The interval of the mean of {@code samples}, summed in the given order so reruns agree to the
   * last bit.
   */
  public static ConfidenceInterval of(double[] samples, double level) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    int n = samples.length;
    double sum = 0.0;
    for (double sample : samples) {
      sum += sample;
    }
    double mean = sum / n;
    if (n < 2) {
      return new ConfidenceInterval(mean, Double.NaN, n, level);
    }
    double squares = 0.0;
    for (double sample : samples) {
      double deviation = sample - mean;
      squares += deviation * deviation;
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    double t = StudentT.quantile(0.5 + level / 2.0, n - 1);
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
