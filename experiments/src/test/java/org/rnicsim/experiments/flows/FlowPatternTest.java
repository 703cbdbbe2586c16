package org.rnicsim.experiments.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.random.RandomStreams;

/** Who sends to whom, per pattern. */
class FlowPatternTest {

  @Test
  void whenThePatternIsAPermutation_thenEveryMachineSendsToOneOtherAndReceivesFromOne() {
    for (int seed = 1; seed <= 20; seed++) {
      List<int[]> destinations =
          FlowPattern.PERMUTATION.destinations(
              9, 0, new RandomStreams(seed, 0).stream("flows.permutation"));
      int[] received = new int[9];
      for (int m = 0; m < 9; m++) {
        assertEquals(1, destinations.get(m).length);
        assertNotEquals(m, destinations.get(m)[0], "a machine sends to itself");
        received[destinations.get(m)[0]]++;
      }
      int[] once = new int[9];
      Arrays.fill(once, 1);
      assertArrayEquals(once, received);
    }
  }

  @Test
  void whenThePatternIsIncast_thenTheSendersAllSendToMachineZero() {
    List<int[]> destinations =
        FlowPattern.INCAST.destinations(6, 4, new RandomStreams(1, 0).stream("p"));
    assertArrayEquals(new int[] {1, 2, 3, 4}, FlowPattern.INCAST.senders(6, 4));
    assertEquals(0, destinations.get(0).length);
    for (int m = 1; m <= 4; m++) {
      assertArrayEquals(new int[] {0}, destinations.get(m));
    }
    assertEquals(0, destinations.get(5).length);
  }

  @Test
  void whenThePatternIsAllToAll_thenEveryMachineMaySendToEveryOther() {
    List<int[]> destinations =
        FlowPattern.ALL_TO_ALL.destinations(4, 0, new RandomStreams(1, 0).stream("p"));
    assertArrayEquals(new int[] {1, 2, 3}, destinations.get(0));
    assertArrayEquals(new int[] {0, 1, 2}, destinations.get(3));
  }
}
