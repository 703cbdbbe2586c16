package org.rnicsim.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostEtaTest {
  @Test
  void whenTheLargestJobsFinishFirst_thenTheEstimateWeighsWhatIsLeftBySizeNotByCount() {
    // Twelve jobs of sizes 12, 11, ..., 1 (78 in all), run largest first as the runner does.
    CostEta eta = new CostEta();
    eta.plan(78);
    eta.done(12);
    eta.done(11);
    eta.done(10);
    eta.done(9);
    Duration elapsed = Duration.ofSeconds(42);

    // 42 of 78 done in 42 s: 36 s left. Counting jobs (4 of 12) would say 84 s.
    assertEquals(Duration.ofSeconds(36), eta.remaining(elapsed).orElseThrow());
  }

  @Test
  void whenNothingHasFinishedOrSizesAreUnknown_thenThereIsNoEstimate() {
    CostEta eta = new CostEta();
    assertTrue(eta.remaining(Duration.ofSeconds(5)).isEmpty(), "sizes never planned");
    eta.plan(10);
    assertTrue(eta.remaining(Duration.ofSeconds(5)).isEmpty(), "no job done yet");
    eta.done(10);
    assertEquals(Duration.ZERO, eta.remaining(Duration.ofSeconds(5)).orElseThrow());
  }
}
