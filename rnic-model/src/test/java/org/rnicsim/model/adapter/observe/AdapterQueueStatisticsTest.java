package org.rnicsim.model.adapter.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.GaugeSummary;
import org.rnicsim.engine.stats.QueueSummary;
import org.rnicsim.engine.stats.StatisticsSummary;

/**
 * The adapter's queue statistics measure what the adapter does: the send scheduler's, built from
 * each QP's time in the ring, agrees with the ring's own event-driven gauge of ready QPs.
 */
class AdapterQueueStatisticsTest {

  @Test
  void theSendSchedulersOccupancyIsTheTimeAverageOfItsReadyQps() {
    StatisticsSummary summary = SteadyLargeWrites.summary();

    QueueSummary ring = summary.queue("nic0.sendScheduler");
    GaugeSummary readyQps = summary.gauge("nic0.sendScheduler.readyQps");
    assertTrue(ring.departures() > 1_000, "turns taken: " + ring.departures());
    assertTrue(readyQps.timeAverage() > 0.1, "the QP waits for the pipeline: " + readyQps);
    // At most the one QP still in the ring at the end is missing from the statistic.
    assertEquals(
        readyQps.timeAverage(),
        ring.timeAverageOccupancy(),
        0.01 * readyQps.timeAverage(),
        "queue statistic vs gauge");
    double littlesL = ring.departuresPerSecond() * ring.meanSojournPs() * 1e-12;
    assertEquals(ring.timeAverageOccupancy(), littlesL, 0.01 * ring.timeAverageOccupancy());
  }
}
