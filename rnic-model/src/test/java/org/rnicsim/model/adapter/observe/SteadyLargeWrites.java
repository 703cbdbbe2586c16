package org.rnicsim.model.adapter.observe;

import org.rnicsim.engine.stats.StatisticsSummary;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.ClosedLoopWriter;
import org.rnicsim.model.testbed.TestProfiles;

/** Statistics of a steady stream of 64 KiB WRITEs, window 8, between two small adapters. */
final class SteadyLargeWrites {

  private SteadyLargeWrites() {}

  /** 200 WRITEs measured after 50 unmeasured ones. */
  static StatisticsSummary summary() {
    BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
    BackToBackTestbed.ConnectedPair pair = testbed.connectPair(64, 256);
    ClosedLoopWriter writer = new ClosedLoopWriter(testbed, pair, 64 * 1024, 8, false);
    writer.run(50);
    testbed.stats().resetAll();
    writer.run(200);
    return testbed.stats().summarize();
  }
}
