package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

class ConservationTest {

  @Test
  void everyPostedWqeEndsInExactlyOneCompletionOrIsAnUnsignalledSuccessAndNoEventIsLeft() {
    BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 7);
    MixedTraffic traffic = new MixedTraffic(testbed, 4, 256, 11);
    traffic.schedule(300, 200 * SimTime.PS_PER_US);

    long events = testbed.simulator().runToEnd();

    assertTrue(events > 0);
    assertEquals(0, testbed.simulator().pendingEventCount(), "the event list drains");
    assertEquals(4 * 2 * 300, traffic.posted.size());
    for (MixedTraffic.Posted request : traffic.posted.values()) {
      List<Completion> seen = traffic.sendCompletions.getOrDefault(request.wrId(), List.of());
      if (request.signalled()) {
        assertEquals(1, seen.size(), "one completion for signalled wr " + request.wrId());
        assertEquals(CompletionStatus.SUCCESS, seen.get(0).status());
      } else {
        assertEquals(0, seen.size(), "no completion for unsignalled wr " + request.wrId());
      }
    }
    for (ConnectedPair pair : traffic.pairs) {
      assertEquals(0, pair.a().qp().sendWorkOutstanding(), "all sends of " + pair.a().qp());
      assertEquals(0, pair.b().qp().sendWorkOutstanding(), "all sends of " + pair.b().qp());
      assertEquals(0, pair.a().qp().receiveWorkOutstanding());
      assertEquals(0, pair.b().qp().receiveWorkOutstanding());
    }
    assertEquals(traffic.receivesPosted.size(), traffic.receiveCompletions.size());
    for (String nic : new String[] {"nic0", "nic1"}) {
      assertEquals(0, testbed.stats().gauge(nic + ".sendQueues.outstandingWqes").value());
      assertEquals(0, testbed.stats().gauge(nic + ".receiveQueues.postedWqes").value());
      assertEquals(0, testbed.stats().gauge(nic + ".rx.backloggedPackets").value());
      assertEquals(0, testbed.stats().gauge(nic + ".sendScheduler.readyQps").value());
    }
    traffic.receiveCompletions.values().forEach(list -> assertEquals(1, list.size()));
    traffic.assertEveryWqeEndedExactlyOnce();
  }
}
