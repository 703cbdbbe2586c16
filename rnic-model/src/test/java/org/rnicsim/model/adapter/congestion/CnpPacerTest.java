package org.rnicsim.model.adapter.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;

/**
 * The notification point: at most one CNP per QP per interval (50 us), sent at once for the first
 * mark after a quiet interval, and once at the interval's end for marks that arrived within it.
 */
@Timeout(10)
class CnpPacerTest {
  private static final long US = SimTime.PS_PER_US;

  private final RnicSimulator simulator = new RnicSimulator("np");
  private final List<Long> sentAtPs = new ArrayList<>();
  private final CnpPacer pacer = new CnpPacer(simulator, 50 * US, sentAtPs::add);

  private void markAt(long timePs) {
    simulator.scheduleAt(timePs, () -> pacer.marked(simulator.nowPs() + 135_000));
  }

  @Test
  void aMarkAfterAQuietIntervalIsAnsweredAtOnceWhenTheReceivePipelineIsDone() {
    markAt(10 * US);
    simulator.runToEnd();
    assertEquals(List.of(10 * US + 135_000), sentAtPs);
  }

  @Test
  void marksWithinAnIntervalGiveOneCnpAtItsEnd() {
    for (long t = 10; t < 60; t += 2) {
      markAt(t * US); // 25 marks from 10 us to 58 us
    }
    simulator.runToEnd();
    // One at once (10 us), then the marks from 12 to 58 us are answered once, at 60 us.
    assertEquals(List.of(10 * US + 135_000, 60 * US), sentAtPs);
  }

  @Test
  void aSteadyStreamOfMarksGetsOneCnpPerInterval() {
    for (long t = 1; t < 1000 * US; t += 3_300_000) {
      markAt(t); // a marked packet every 3.3 us for 1 ms (never on an interval's end)
    }
    simulator.runToEnd();
    // At once for the first, then at the end of each of the 20 intervals that saw marks.
    assertEquals(21, sentAtPs.size());
    for (int i = 1; i < sentAtPs.size(); i++) {
      long gap = sentAtPs.get(i) - sentAtPs.get(i - 1);
      assertEquals(i == 1 ? 50 * US - 135_000 : 50 * US, gap, "CNP " + i);
    }
  }

  @Test
  void withoutMarksInAnIntervalNoCnpGoes() {
    markAt(10 * US);
    markAt(200 * US);
    simulator.runToEnd();
    assertEquals(List.of(10 * US + 135_000, 200 * US + 135_000), sentAtPs);
  }
}
