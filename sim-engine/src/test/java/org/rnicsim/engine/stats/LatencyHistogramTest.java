package org.rnicsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;

/** A summary after a warm-up reset reports what the HdrHistogram-backed version reported. */
class LatencyHistogramTest {
  @Test
  void summaryAfterWarmUpResetEqualsTheHdrHistogramReference() {
    StatisticsRegistry stats = new StatisticsRegistry(new RnicSimulator("latency"));
    LatencyHistogram histogram = stats.histogram("write.totalPs");
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      histogram.recordPs(random.nextLong(1_000, 10_000_000_000L)); // warm-up, forgotten
    }
    stats.resetAll();
    Histogram reference = new Histogram(3);
    long minPs = Long.MAX_VALUE;
    long maxPs = Long.MIN_VALUE;
    double sumPs = 0;
    for (int i = 0; i < 20_000; i++) {
      long latencyPs = 2_000_000 + (long) (1_000_000 * -Math.log(1 - random.nextDouble()));
      histogram.recordPs(latencyPs);
      reference.recordValue(latencyPs);
      minPs = Math.min(minPs, latencyPs);
      maxPs = Math.max(maxPs, latencyPs);
      sumPs += latencyPs;
    }
    HistogramSummary summary = histogram.summarize();
    assertEquals(20_000, summary.count());
    assertEquals(sumPs / 20_000, summary.meanPs());
    assertEquals(summary.meanPs(), histogram.meanPs());
    long[] expected = new long[4];
    double[] percents = {50, 90, 99, 99.9};
    for (int i = 0; i < percents.length; i++) {
      long value = reference.getValueAtPercentile(percents[i]);
      expected[i] = Math.max(minPs, Math.min(maxPs, value));
    }
    assertEquals(expected[0], summary.p50Ps());
    assertEquals(expected[1], summary.p90Ps());
    assertEquals(expected[2], summary.p99Ps());
    assertEquals(expected[3], summary.p999Ps());
    assertEquals(minPs, summary.minPs());
    assertEquals(maxPs, summary.maxPs());
  }
}
