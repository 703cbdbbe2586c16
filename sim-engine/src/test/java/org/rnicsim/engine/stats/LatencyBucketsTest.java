package org.rnicsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The buckets must answer every percentile exactly as the HdrHistogram they replace, or reports
 * would change: each case records the same values into both and compares bucket by bucket.
 */
class LatencyBucketsTest {
  private static final double[] PERCENTS = {0, 0.1, 1, 25, 50, 90, 99, 99.9, 99.99, 100};

  /** The reference: what LatencyHistogram kept before, an auto-resizing 3-digit HdrHistogram. */
  private static long[] reference(Histogram histogram, double[] percents) {
    long[] values = new long[percents.length];
    for (int i = 0; i < percents.length; i++) {
      values[i] = histogram.getValueAtPercentile(percents[i]);
    }
    return values;
  }

  private static void assertSameAsHdrHistogram(LongSupplier values, int count, double[] percents) {
    Histogram histogram = new Histogram(3);
    LatencyBuckets buckets = new LatencyBuckets();
    long minPs = Long.MAX_VALUE;
    long maxPs = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      long value = values.getAsLong();
      histogram.recordValue(value);
      buckets.record(value);
      minPs = Math.min(minPs, value);
      maxPs = Math.max(maxPs, value);
    }
    assertArrayEquals(
        reference(histogram, percents),
        buckets.valuesAtPercentiles(percents, count, minPs, maxPs),
        count + " values in [" + minPs + ", " + maxPs + "]");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void percentilesEqualHdrHistogramsForSeededLogUniformLatencies(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // Spans 1 ps to about 1 s so that every bucket size, from single-picosecond resolution in the
    // first bucket up to 2^29 ps wide, is exercised.
    assertSameAsHdrHistogram(
        () -> (long) Math.pow(10, random.nextDouble(0, 12)), 1 + random.nextInt(50_000), PERCENTS);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void percentilesEqualHdrHistogramsForNarrowSpreadsAndRandomPercents(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long basePs = random.nextLong(1, 1_000_000_000L);
    double[] percents = random.doubles(20, 0, 100).sorted().toArray();
    assertSameAsHdrHistogram(
        () -> basePs + random.nextLong(3_000), 1 + random.nextInt(5_000), percents);
  }

  @Test
  void oneValueAndExtremeValuesEqualHdrHistograms() {
    assertSameAsHdrHistogram(() -> 0, 1, PERCENTS);
    assertSameAsHdrHistogram(() -> 123_456_789L, 1, PERCENTS);
    assertSameAsHdrHistogram(() -> Long.MAX_VALUE / 2, 3, PERCENTS);
    long[] edges = {2047, 2048, 2049, 4095, 4096, 1L << 40, (1L << 40) - 1};
    int[] next = {0};
    assertSameAsHdrHistogram(() -> edges[next[0]++ % edges.length], 70, PERCENTS);
  }

  @Test
  void anEmptyHistogramAnswersZeroAsHdrHistogramDoes() {
    assertArrayEquals(
        reference(new Histogram(3), PERCENTS),
        new LatencyBuckets().valuesAtPercentiles(PERCENTS, 0, Long.MAX_VALUE, Long.MIN_VALUE));
  }

  @Test
  void clearingForgetsEveryCountSoReuseMatchesAFreshHistogram() {
    SplittableRandom random = new SplittableRandom(21);
    LatencyBuckets buckets = new LatencyBuckets();
    long minPs = Long.MAX_VALUE;
    long maxPs = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      long value = random.nextLong(1, 50_000_000L);
      buckets.record(value);
      minPs = Math.min(minPs, value);
      maxPs = Math.max(maxPs, value);
    }
    buckets.clear(minPs, maxPs);
    Histogram fresh = new Histogram(3);
    long[] after = {40_000, 41_000, 90_000_000};
    for (long value : after) {
      buckets.record(value);
      fresh.recordValue(value);
    }
    assertArrayEquals(
        reference(fresh, PERCENTS),
        buckets.valuesAtPercentiles(PERCENTS, after.length, 40_000, 90_000_000));
  }

  @Test
  void indexAndValueRoundTripAsInHdrHistogram() {
    Histogram histogram = new Histogram(3);
    SplittableRandom random = new SplittableRandom(31);
    for (int i = 0; i < 10_000; i++) {
      long value = random.nextLong(0, Long.MAX_VALUE);
      value >>>= random.nextInt(63);
      int index = LatencyBuckets.indexOf(value);
      assertEquals(histogram.lowestEquivalentValue(value), LatencyBuckets.valueFromIndex(index));
      assertEquals(
          histogram.highestEquivalentValue(value), LatencyBuckets.highestEquivalentValue(value));
    }
  }
}
