package org.rnicsim.model.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.HistogramSummary;
import org.rnicsim.engine.stats.StatisticsSummary;
import org.rnicsim.model.profile.HostProfile;

class PingPongLatencyTest {

  @Test
  void anUncontendedPingPongHasNoJitterAndIsTheMeasuredPathPlusPollingAndRepost() {
    BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
    BackToBackTestbed.ConnectedPair pair = testbed.connectPair(64, 256);
    HistogramSummary oneWay =
        new PingPongLatency(testbed, pair, 32, true, 10, 100, testbed.stats()).run().summarize();

    assertEquals(100, oneWay.count());
    assertEquals(oneWay.minPs(), oneWay.maxPs(), "every round takes the same time");
    StatisticsSummary stats = testbed.stats().summarize();
    HostProfile host = TestProfiles.small().host();
    double pingPs = stats.histogram("nic1.latency.receive.oneWayPs").meanPs();
    double pongPs = stats.histogram("nic0.latency.receive.oneWayPs").meanPs();
    // Client post to server CQE, server polls and re-posts its receive, then the way back.
    double expectedRoundTripPs =
        pingPs + host.cqPollDetectPs() + host.postRecvCpuPs() + pongPs + host.cqPollDetectPs();
    assertEquals(expectedRoundTripPs / 2, oneWay.meanPs(), 1.0);
  }
}
