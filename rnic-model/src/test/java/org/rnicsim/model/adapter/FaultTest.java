package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

class FaultTest {
  private static final long US = SimTime.PS_PER_US;

  private static BackToBackTestbed fastRetryTestbed() {
    return new BackToBackTestbed(TestProfiles.withFastRetry(50 * US, 3), 3);
  }

  private static long countStatus(MixedTraffic traffic, CompletionStatus status) {
    return traffic.sendCompletions.values().stream()
        .flatMap(List::stream)
        .filter(c -> c.status() == status)
        .count();
  }

  @Test
  void linkDownMidTransferMovesAffectedQpsToErrorAndFlushesTheirWqes() {
    BackToBackTestbed testbed = fastRetryTestbed();
    MixedTraffic traffic = new MixedTraffic(testbed, 3, 256, 5);
    traffic.schedule(200, 100 * US);
    testbed.simulator().schedule(40 * US, () -> testbed.link().goDown());

    testbed.simulator().runToEnd();

    assertEquals(0, testbed.simulator().pendingEventCount());
    for (ConnectedPair pair : traffic.pairs) {
      assertEquals(QpState.ERROR, pair.a().qp().state());
      assertEquals(QpState.ERROR, pair.b().qp().state());
    }
    assertTrue(countStatus(traffic, CompletionStatus.RETRY_EXCEEDED) >= 1);
    assertTrue(countStatus(traffic, CompletionStatus.FLUSH_ERROR) > 100);
    assertTrue(countStatus(traffic, CompletionStatus.SUCCESS) > 10, "work before the fault");
    traffic.assertEveryWqeEndedExactlyOnce();
  }

  @Test
  void aLinkThatComesBackBeforeTheRetriesRunOutLosesNothing() {
    BackToBackTestbed testbed = fastRetryTestbed();
    MixedTraffic traffic = new MixedTraffic(testbed, 2, 256, 9);
    traffic.schedule(100, 60 * US);
    testbed.simulator().schedule(20 * US, () -> testbed.link().goDown());
    testbed.simulator().schedule(80 * US, () -> testbed.link().goUp());

    testbed.simulator().runToEnd();

    for (ConnectedPair pair : traffic.pairs) {
      assertEquals(QpState.RTS, pair.a().qp().state());
      assertEquals(QpState.RTS, pair.b().qp().state());
    }
    assertEquals(0, countStatus(traffic, CompletionStatus.FLUSH_ERROR));
    traffic.assertEveryWqeEndedExactlyOnce();
    assertTrue(testbed.link().aToB().lostPackets() > 0, "the outage did lose packets");
  }

  @Test
  void randomPacketLossIsRecoveredByRetransmissionAndEveryRequestSucceeds() {
    BackToBackTestbed testbed = fastRetryTestbed();
    testbed.link().setLossRate(0.01);
    MixedTraffic traffic = new MixedTraffic(testbed, 2, 256, 13);
    traffic.schedule(200, 100 * US);

    testbed.simulator().runToEnd();

    assertTrue(testbed.link().aToB().lostPackets() + testbed.link().bToA().lostPackets() > 5);
    assertEquals(0, countStatus(traffic, CompletionStatus.FLUSH_ERROR));
    assertEquals(0, countStatus(traffic, CompletionStatus.RETRY_EXCEEDED));
    traffic.assertEveryWqeEndedExactlyOnce();
  }

  @Test
  void afterSurpriseRemovalEveryQpIsInErrorAndNothingCompletesNormally() {
    BackToBackTestbed testbed = fastRetryTestbed();
    MixedTraffic traffic = new MixedTraffic(testbed, 2, 256, 17);
    traffic.schedule(200, 100 * US);
    long removalPs = testbed.simulator().nowPs() + 30 * US;
    testbed.simulator().scheduleAt(removalPs, () -> testbed.nic(0).surpriseRemove());

    testbed.simulator().runToEnd();

    for (ConnectedPair pair : traffic.pairs) {
      assertEquals(QpState.ERROR, pair.a().qp().state());
    }
    // A CQE already on the bus at removal may still land a PCIe flight later; nothing after.
    long lastNormalPs = removalPs + 2 * US;
    for (List<Completion> list : traffic.sendCompletions.values()) {
      for (Completion c : list) {
        if (c.isSuccess() && c.landedPs() > lastNormalPs) {
          MixedTraffic.Posted request = traffic.posted.get(c.wrId());
          assertTrue(request.from().nic() != testbed.nic(0), "success after removal: " + c);
        }
      }
    }
    assertTrue(countStatus(traffic, CompletionStatus.ADAPTER_REMOVED) > 0);
    traffic.assertEveryWqeEndedExactlyOnce();
  }
}
