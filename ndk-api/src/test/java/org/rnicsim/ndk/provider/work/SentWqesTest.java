package org.rnicsim.ndk.provider.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.constant.NdkOperationType;

/** The rung-WQE table keeps send-queue order across wrap-around and growth. */
class SentWqesTest {

  private static WorkRequest request(long sequence) {
    return new WorkRequest(sequence, NdkOperationType.WRITE, "context " + sequence, 0, 64, 0);
  }

  @Test
  void completionsTakeTheOldestInTheOrderRungWhileTheTableWrapsAndGrows() {
    SentWqes sent = new SentWqes();
    ArrayDeque<WorkRequest> expected = new ArrayDeque<>();
    long wrId = 1;
    // Uneven rings and completions walk the oldest slot round the arrays, then past 16 at once.
    int[] ringThenComplete = {5, 3, 9, 7, 12, 12, 40, 30, 3, 17};
    for (int step = 0; step < ringThenComplete.length; step += 2) {
      for (int i = 0; i < ringThenComplete[step]; i++) {
        WorkRequest r = request(wrId);
        sent.add(wrId++, r);
        expected.addLast(r);
      }
      assertEquals(expected.size(), sent.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.toArray(new WorkRequest[0])[i].sequence(), sent.wrIdAt(i));
      }
      for (int i = 0; i < ringThenComplete[step + 1]; i++) {
        assertEquals(expected.peekFirst().sequence(), sent.oldestWrId());
        assertSame(expected.pollFirst(), sent.removeOldest());
      }
    }
    assertEquals(expected.size(), sent.size());
  }

  @Test
  void anEmptyTableHasNoOldest() {
    SentWqes sent = new SentWqes();
    assertThrows(IllegalStateException.class, sent::oldestWrId);
    assertThrows(IllegalStateException.class, sent::removeOldest);
  }
}
