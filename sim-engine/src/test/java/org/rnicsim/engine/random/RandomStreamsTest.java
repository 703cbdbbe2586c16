package org.rnicsim.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  private static double[] draw(SimRandom r, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = r.nextDouble();
    }
    return values;
  }

  @Test
  void sameSeedReplicationAndNameGiveTheSameNumbers() {
    assertArrayEquals(
        draw(new RandomStreams(42, 3).stream("arrivals"), 100),
        draw(new RandomStreams(42, 3).stream("arrivals"), 100));
  }

  @Test
  void addingOrReorderingStreamsLeavesOtherStreamsUnchanged() {
    RandomStreams alone = new RandomStreams(7, 0);
    double[] expected = draw(alone.stream("link"), 50);
    RandomStreams crowded = new RandomStreams(7, 0);
    draw(crowded.stream("dma"), 1000);
    draw(crowded.stream("firmware"), 10);
    assertArrayEquals(expected, draw(crowded.stream("link"), 50));
  }

  @Test
  void streamsDifferByNameReplicationAndSeed() {
    double[] base = draw(new RandomStreams(1, 0).stream("a"), 10);
    assertFalse(Arrays.equals(base, draw(new RandomStreams(1, 0).stream("b"), 10)));
    assertFalse(Arrays.equals(base, draw(new RandomStreams(1, 1).stream("a"), 10)));
    assertFalse(Arrays.equals(base, draw(new RandomStreams(2, 0).stream("a"), 10)));
  }

  @Test
  void askingForAStreamTwiceContinuesItRatherThanRestartingIt() {
    RandomStreams streams = new RandomStreams(5, 0);
    assertSame(streams.stream("x"), streams.stream("x"));
  }

  @Test
  void exponentialDrawsHaveTheRequestedMean() {
    SimRandom r = new RandomStreams(11, 0).stream("service");
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += r.exponentialPs(1_000_000);
    }
    // standard error of the mean = 1 us / sqrt(n) = 2.2 ns; allow 5 of them
    assertEquals(1_000_000, sum / n, 5 * 1_000_000 / Math.sqrt(n));
  }
}
