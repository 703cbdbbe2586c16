package org.rnicsim.experiments.rdma.sim;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The latencies one job measured, in picoseconds, with perftest's summary (minimum, median as
 * "typical", mean, standard deviation, 99th and 99.9th percentile, maximum) and the points of the
 * distribution function. Percentiles come from an HdrHistogram with three significant digits; the
 * mean and standard deviation are exact.
 */
public final class LatencySamples {
  /** Percentiles the CDF is drawn through: dense where tails differ. */
  public static final List<Double> CDF_PERCENTILES =
      List.of(
          0.0, 1.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 99.0, 99.9,
          100.0);

  private final Histogram histogram = new Histogram(3);
  private long count;
  private double sumPs;
  private double sumSquaresPs;

  public void recordPs(long latencyPs) {
    histogram.recordValue(Math.max(0, latencyPs));
    count++;
    sumPs += latencyPs;
    sumSquaresPs += (double) latencyPs * latencyPs;
  }

  public long count() {
    return count;
  }

  public double meanPs() {
    return count == 0 ? Double.NaN : sumPs / count;
  }

  public double standardDeviationPs() {
    if (count < 2) {
      return count == 0 ? Double.NaN : 0.0;
    }
    double mean = sumPs / count;
    return Math.sqrt(Math.max(0.0, (sumSquaresPs - count * mean * mean) / (count - 1)));
  }

  /** The latency below which {@code percent} of the samples lie; NaN without samples. */
  public double percentilePs(double percent) {
    if (count == 0) {
      return Double.NaN;
    }
    if (percent <= 0) {
      return histogram.getMinValue();
    }
    if (percent >= 100) {
      return histogram.getMaxValue();
    }
    long value = histogram.getValueAtPercentile(percent);
    return Math.max(histogram.getMinValue(), Math.min(histogram.getMaxValue(), value));
  }
}
