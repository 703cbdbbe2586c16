package org.rnicsim.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

  @ParameterizedTest(name = "t(0.975, {0}) = {1}")
  @CsvSource({
    "1, 12.7062",
    "2, 4.3027",
    "4, 2.7764",
    "9, 2.2622",
    "19, 2.0930",
    "30, 2.0423",
    "1000, 1.9623"
  })
  void whenTwoSidedNinetyFivePercent_thenMatchesPublishedTable(int df, double expected) {
    assertEquals(expected, StudentT.quantile(0.975, df), 5e-4);
  }

  @Test
  void whenMedian_thenZero() {
    assertEquals(0.0, StudentT.quantile(0.5, 5), 1e-9);
  }

  @Test
  void whenCdfOfQuantile_thenProbabilityBack() {
    for (int df : new int[] {1, 3, 10, 50}) {
      assertEquals(0.9, StudentT.cdf(StudentT.quantile(0.9, df), df), 1e-10);
    }
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
