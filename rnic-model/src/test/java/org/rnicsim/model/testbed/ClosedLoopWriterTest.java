package org.rnicsim.model.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClosedLoopWriterTest {

  @Test
  void aClosedLoopKeepsItsWindowFullAndCompletesExactlyWhatItWasAskedFor() {
    BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
    BackToBackTestbed.ConnectedPair pair = testbed.connectPair(64, 256);
    ClosedLoopWriter writer = new ClosedLoopWriter(testbed, pair, 64, 16, false);
    long startPs = testbed.simulator().nowPs();
    long events = writer.run(10_000);
    assertEquals(10_000, writer.completed());
    assertEquals(0, pair.a().qp().sendWorkOutstanding());
    double eventsPerOperation = events / 10_000.0;
    assertTrue(eventsPerOperation < 15, "events per WRITE: " + eventsPerOperation);
    double simulatedSeconds = (testbed.simulator().nowPs() - startPs) / 1e12;
    double writesPerSecond = 10_000 / simulatedSeconds;
    // 16 outstanding, each taking a few microseconds end to end: millions per second, bounded by
    // the per-QP pipeline, far below the wire's 100 Gb/s / (64 + 42) B.
    assertTrue(
        writesPerSecond > 2e6 && writesPerSecond < 100e9 / 8 / 106, "rate " + writesPerSecond);
  }
}
