package org.rnicsim.experiments.rdma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.experiments.rdma.sim.LatencySamples;

/** Metric ids are what users grep summary.json and results.csv for: plain, short, stable. */
class RdmaMetricIdsTest {

  @Test
  void percentileIdsUseTheShortestDecimalText() {
    assertEquals("cdf_p99_9_us", RdmaMetrics.cdfId(99.9));
    assertEquals("cdf_p50_us", RdmaMetrics.cdfId(50.0));
    assertEquals("cdf_p0_us", RdmaMetrics.cdfId(0.0));
  }

  @Test
  void everyCdfIdIsLettersDigitsAndUnderscoresOfBoundedLength() {
    for (double percentile : LatencySamples.CDF_PERCENTILES) {
      String id = RdmaMetrics.cdfId(percentile);
      assertTrue(id.matches("cdf_p[0-9]{1,3}(_[0-9])?_us"), id);
    }
  }
}
