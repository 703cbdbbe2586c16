package org.rnicsim.engine.stats;

/**
 * Latencies in picoseconds. Percentiles come from buckets laid out as HdrHistogram's with three
 * significant digits (0.1 % relative error; see {@link LatencyBuckets}); count, sum, minimum and
 * maximum are kept exactly, so the mean is exact.
 */
public final class LatencyHistogram extends Observation {
  private static final double[] SUMMARY_PERCENTS = {50, 90, 99, 99.9};

  private final String name;
  private final LatencyBuckets buckets = new LatencyBuckets();
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
    if (dormant) {
      return;
    }
    buckets.record(latencyPs);
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
    requireObserved();
    return count;
  }

  /** The exact mean, the same number {@link #summarize()} reports; NaN when empty. */
  public double meanPs() {
    requireObserved();
    return count == 0 ? Double.NaN : sumPs / count;
  }

  void reset() {
    buckets.clear(minPs, maxPs);
    count = 0;
    sumPs = 0;
    sumSquaresPs = 0;
    minPs = Long.MAX_VALUE;
    maxPs = Long.MIN_VALUE;
  }

  public HistogramSummary summarize() {
    requireObserved();
    if (count == 0) {
      return new HistogramSummary(name, 0, Double.NaN, 0, 0, 0, 0, 0, 0, Double.NaN);
    }
    double mean = sumPs / count;
    double variance = count > 1 ? (sumSquaresPs - count * mean * mean) / (count - 1) : 0.0;
    long[] percentiles = buckets.valuesAtPercentiles(SUMMARY_PERCENTS, count, minPs, maxPs);
    return new HistogramSummary(
        name,
        count,
        mean,
        minPs,
        clamp(percentiles[0]),
        clamp(percentiles[1]),
        clamp(percentiles[2]),
        clamp(percentiles[3]),
        maxPs,
        Math.sqrt(Math.max(0.0, variance)));
  }

  /** A percentile clamped into [min, max], which the buckets' edges may overshoot. */
  private long clamp(long valuePs) {
    return Math.max(minPs, Math.min(maxPs, valuePs));
  }
}
