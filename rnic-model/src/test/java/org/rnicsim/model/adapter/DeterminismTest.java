package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.TestProfiles;

class DeterminismTest {

  /** Everything a run observed, as text: statistics, end time and events executed. */
  private static String run(long lossSeed) {
    BackToBackTestbed testbed =
        new BackToBackTestbed(TestProfiles.withFastRetry(50 * SimTime.PS_PER_US, 5), lossSeed);
    testbed.link().setLossRate(0.02);
    MixedTraffic traffic = new MixedTraffic(testbed, 3, 256, 21);
    traffic.schedule(150, 80 * SimTime.PS_PER_US);
    long events = testbed.simulator().runToEnd();
    return events
        + " events, end "
        + testbed.simulator().nowPs()
        + "\n"
        + testbed.stats().summarize()
        + "\n"
        + traffic.sendCompletions;
  }

  @Test
  void aRerunWithTheSameSeedsIsIdenticalToTheLastPicosecond() {
    assertEquals(run(42), run(42));
  }

  @Test
  void anotherLossSeedLosesOtherPackets() {
    assertNotEquals(run(42), run(43));
  }
}
