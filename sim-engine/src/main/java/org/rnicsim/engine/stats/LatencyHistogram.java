package org.rnicsim.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * Latencies in picoseconds. Percentiles come from an HdrHistogram with three significant digits
 * (0.1 % relative error); count, sum, minimum and maximum are kept exactly, so the mean is exact.
 */
public final class LatencyHistogram {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
  private long count;
  private double sumPs;
  private double sumSquaresPs;
  private long minPs = Long.MAX_VALUE;
  private long maxPs = Long.MIN_VALUE;

  LatencyHistogram(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Records one latency; negative values are a model bug and are refused. */
  public void recordPs(long latencyPs) {
    if (latencyPs < 0) {
      throw new IllegalArgumentException(name + ": negative latency " + latencyPs + " ps");
    }
    histogram.recordValue(latencyPs);
    count++;
    sumPs += latencyPs;
    sumSquaresPs += (double) latencyPs * latencyPs;
    if (latencyPs < minPs) {
      minPs = latencyPs;
    }
    if (latencyPs > maxPs) {
      maxPs = latencyPs;
    }
  }

  public long count() {
    return count;
  }

  void reset() {
    histogram.reset();
    count = 0;
    sumPs = 0;
    sumSquaresPs = 0;
    minPs = Long.MAX_VALUE;
    maxPs = Long.MIN_VALUE;
  }

  public HistogramSummary summarize() {
    if (count == 0) {
      return new HistogramSummary(name, 0, Double.NaN, 0, 0, 0, 0, 0, 0, Double.NaN);
    }
    double mean = sumPs / count;
    double variance = count > 1 ? (sumSquaresPs - count * mean * mean) / (count - 1) : 0.0;
    return new HistogramSummary(
        name,
        count,
        mean,
        minPs,
        percentile(50),
        percentile(90),
        percentile(99),
        percentile(99.9),
        maxPs,
        Math.sqrt(Math.max(0.0, variance)));
  }

  /** A percentile clamped into [min, max], which the histogram's bucket edges may overshoot. */
  private long percentile(double percent) {
    long value = histogram.getValueAtPercentile(percent);
    return Math.max(minPs, Math.min(maxPs, value));
  }
}
