package org.rnicsim.model.adapter.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;

/** Polling into a batch reads the same CQEs, in the same order, as polling into a list. */
class CqeBatchTest {

  /** Two CQs fed the same CQEs, all landed: 20, more than a batch first holds. */
  private static CompletionQueue[] landedTwice(RnicSimulator sim) {
    CompletionQueue[] cqs = {
      new CompletionQueue(sim, 1, 64, null), new CompletionQueue(sim, 2, 64, null)
    };
    for (int i = 0; i < 20; i++) {
      for (CompletionQueue cq : cqs) {
        cq.append(
            100 + i,
            7,
            i % 3 == 0 ? WorkOpcode.RECEIVE : WorkOpcode.RDMA_WRITE,
            i == 13 ? CompletionStatus.RETRY_EXCEEDED : CompletionStatus.SUCCESS,
            64L * i,
            1_000L * (i + 1));
      }
    }
    sim.runToEnd();
    return cqs;
  }

  @Test
  void aBatchHoldsWhatAListWouldAndIsReusedAfterClear() {
    RnicSimulator sim = new RnicSimulator("cqe batch");
    CompletionQueue[] cqs = landedTwice(sim);
    List<Completion> list = new ArrayList<>();
    CqeBatch batch = new CqeBatch();
    assertEquals(5, cqs[0].poll(5, list));
    assertEquals(5, cqs[1].poll(5, batch));
    batch.clear();
    assertTrue(batch.isEmpty());
    list.clear();
    assertEquals(15, cqs[0].poll(Integer.MAX_VALUE, list));
    assertEquals(15, cqs[1].poll(Integer.MAX_VALUE, batch));
    assertEquals(15, batch.size());
    for (int i = 0; i < list.size(); i++) {
      Completion c = list.get(i);
      assertEquals(c, batch.completion(i));
      assertEquals(c.wrId(), batch.wrId(i));
      assertEquals(c.opcode(), batch.opcode(i));
      assertEquals(c.status(), batch.status(i));
      assertEquals(c.landedPs(), batch.landedPs(i));
    }
    assertEquals(0, cqs[1].landedNotPolled());
    assertThrows(IndexOutOfBoundsException.class, () -> batch.wrId(15));
  }
}
