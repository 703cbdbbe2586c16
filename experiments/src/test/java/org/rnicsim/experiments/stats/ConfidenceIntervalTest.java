package org.rnicsim.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceIntervalTest {

  @ParameterizedTest(name = "{0} samples: t(0.975, {0} - 1) = {1}")
  @CsvSource({"2, 12.7062", "3, 4.3027", "5, 2.7764", "10, 2.2622", "20, 2.0930", "31, 2.0423"})
  void whenTwoSamplesApart_thenHalfWidthIsThePublishedTQuantileTimesTheStandardError(
      int n, double publishedT) {
    // Samples alternating 0 and 2 (n even) or with one extra 1: the standard error is known.
    double[] samples = new double[n];
    for (int i = 0; i < n; i++) {
      samples[i] = i % 2 == 0 ? 0.0 : 2.0;
    }
    double mean = 0.0;
    for (double s : samples) {
      mean += s / n;
    }
    double squares = 0.0;
    for (double s : samples) {
      squares += (s - mean) * (s - mean);
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);

    ConfidenceInterval interval = ConfidenceInterval.of(samples, 0.95);

    assertEquals(publishedT * standardError, interval.halfWidth(), 5e-4 * standardError);
  }

  @Test
  void whenSamplesKnown_thenIntervalMatchesHandComputation() {
    // mean 5, sample variance 2.5, standard error sqrt(2.5 / 5) = 0.70711, t(0.975, 4) = 2.77645
    ConfidenceInterval interval = ConfidenceInterval.of(new double[] {3, 4, 5, 6, 7}, 0.95);

    assertEquals(5.0, interval.mean(), 1e-12);
    assertEquals(2.77645 * Math.sqrt(0.5), interval.halfWidth(), 1e-4);
    assertTrue(interval.contains(6.9));
    assertFalse(interval.contains(7.0));
  }

  @Test
  void whenOneSample_thenNoInterval() {
    ConfidenceInterval interval = ConfidenceInterval.of(new double[] {4}, 0.95);

    assertEquals(4.0, interval.mean());
    assertTrue(Double.isNaN(interval.halfWidth()));
    assertFalse(interval.contains(4.0));
  }
}
