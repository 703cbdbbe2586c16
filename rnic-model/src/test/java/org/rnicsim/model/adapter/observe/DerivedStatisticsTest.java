package org.rnicsim.model.adapter.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.StatisticsSummary;

class DerivedStatisticsTest {

  @Test
  void aStreamOfLargeWritesKeepsTheWireBusyAndTheCachesHot() {
    StatisticsSummary summary = SteadyLargeWrites.summary();

    double wire = DerivedStatistics.utilisation(summary, "nic0.port.busyPs");
    assertTrue(wire > 0.9 && wire <= 1.0, "sender's wire utilisation " + wire);
    double upstream = DerivedStatistics.utilisation(summary, "nic1.pcie.deviceToHost.busyPs");
    assertTrue(upstream > 0.8 && upstream <= 1.0, "receiver's PCIe writes " + upstream);
    assertTrue(DerivedStatistics.averageOccupancy(summary, "nic0.port.queuedPacketPs") > 0);
    assertEquals(1.0, DerivedStatistics.hitRate(summary, "nic0.qpContextCache"));
  }
}
