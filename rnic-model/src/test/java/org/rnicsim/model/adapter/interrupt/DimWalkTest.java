package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration I2: the DIM walk through the Linux profile tables, window by window. Each window is
 * given as (completions per ms, events per ms); the expected indices follow Linux's decision rules
 * by hand (see {@link DimTuner}), the (usec, count) pairs are I2's tables.
 */
class DimWalkTest {

  private static List<Integer> walk(DimTuner tuner, long[][] windows) {
    List<Integer> indices = new ArrayList<>();
    for (long[] w : windows) {
      tuner.decide(DimStats.of(w[0], w[1]));
      indices.add(tuner.index());
    }
    return indices;
  }

  private static List<DimProfile> profiles(DimProfileTable table, List<Integer> indices) {
    return indices.stream().map(table::profile).toList();
  }

  private static DimProfile p(long usec, long count) {
    return new DimProfile(usec, count);
  }

  @Test
  void theTablesAreCalibrationI2() {
    DimProfileTable eqe = DimProfileTable.NET_RX_EQE;
    DimProfileTable cqe = DimProfileTable.NET_RX_CQE;
    DimProfileTable rdma = DimProfileTable.RDMA;
    assertEquals(
        List.of(p(1, 256), p(8, 256), p(64, 256), p(128, 256), p(256, 256)),
        profiles(eqe, List.of(0, 1, 2, 3, 4)));
    assertEquals(
        List.of(p(2, 256), p(8, 128), p(16, 64), p(32, 64), p(64, 64)),
        profiles(cqe, List.of(0, 1, 2, 3, 4)));
    assertEquals(
        List.of(
            p(1, 1), p(1, 4), p(2, 4), p(2, 8), p(4, 8), p(16, 8), p(16, 16), p(32, 16), p(32, 32)),
        profiles(rdma, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)));
    assertEquals(1, eqe.startIndex());
    assertEquals(1, cqe.startIndex());
    assertEquals(0, rdma.startIndex());
    assertEquals(ModerationTimerStart.EQE, eqe.timerStart());
    assertEquals(ModerationTimerStart.CQE, cqe.timerStart());
  }

  @Test
  void netDimClimbsTowardsFewerInterruptsWhileTheCompletionRateHoldsAndParksAtTheEnd() {
    DimTuner tuner = new DimTuner(DimProfileTable.NET_RX_EQE);
    List<Integer> indices =
        walk(
            tuner,
            new long[][] {
              {1000, 125}, // first window: better than nothing -> leave parking, head left
              {1000, 500}, // index 0 interrupts 4x as often: worse -> turn right
              {1000, 125}, // better
              {1000, 16}, // better
              {1000, 8}, // better
              {1000, 4}, // better, but index 4 is the end: park
              {1000, 4} // parked, unchanged: stay
            });
    assertEquals(List.of(0, 1, 2, 3, 4, 4, 4), indices);
    assertEquals(
        List.of(p(1, 256), p(8, 256), p(64, 256), p(128, 256), p(256, 256), p(256, 256)),
        profiles(DimProfileTable.NET_RX_EQE, indices.subList(0, 6)));
  }

  @Test
  void netDimWalksBackLeftWhenShorterPeriodsRaiseTheCompletionRate() {
    DimTuner tuner = new DimTuner(DimProfileTable.NET_RX_EQE);
    walk(tuner, new long[][] {{1000, 125}, {1000, 500}, {1000, 125}, {1000, 16}, {1000, 8}});
    assertEquals(4, tuner.index());
    List<Integer> indices =
        walk(
            tuner,
            new long[][] {
              {1000, 4}, // park at the end
              {100, 100}, // a latency-bound load: throughput fell -> leave parking, head left
              {200, 200}, // shorter period, more completions: better -> on left
              {400, 400},
              {800, 800},
              {1600, 1600}, // better at index 0, the end: park
              {1600, 1600}
            });
    assertEquals(List.of(4, 3, 2, 1, 0, 0, 0), indices);
  }

  @Test
  void netDimParksOnTheProfileWhoseNeighboursBothInterruptMore() {
    // Dense stream on the CQE-timer table: index 1 (8 us) gives the fewest events.
    DimTuner tuner = new DimTuner(DimProfileTable.NET_RX_CQE);
    List<Integer> indices =
        walk(
            tuner,
            new long[][] {
              {10_000, 124}, // leave parking, head left
              {10_000, 477}, // worse: turn right
              {10_000, 124}, // better: on right
              {10_000, 157}, // worse: turn left
              {10_000, 124}, // better, just back from two steps right: a top, park
              {10_000, 124}
            });
    assertEquals(List.of(0, 1, 2, 1, 1, 1), indices);
    assertEquals(p(8, 128), DimProfileTable.NET_RX_CQE.profile(tuner.index()));
  }

  @Test
  void netDimFacingUnchangingStatisticsOscillatesThenRestsTiredForTenWindows() {
    DimTuner tuner = new DimTuner(DimProfileTable.NET_RX_EQE);
    long[][] same = new long[21][];
    java.util.Arrays.fill(same, new long[] {1000, 100});
    List<Integer> indices = walk(tuner, same);
    // 10 steps (2 x 5 profiles) without finding a top, then 10 windows parked tired, then leave.
    assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0), indices);
  }

  @Test
  void rdmaDimStepsRightWhileTheCompletionRateRisesAndTurnsBackWhenItFalls() {
    DimTuner tuner = new DimTuner(DimProfileTable.RDMA);
    List<Integer> indices =
        walk(
            tuner,
            new long[][] {
              {100, 100}, // first window: nothing to compare with
              {200, 100}, // completion rate up: step right
              {400, 100},
              {800, 100},
              {1600, 200},
              {800, 100}, // down: turn and step left
              {800, 100} // same, 8 completions per event: stay
            });
    assertEquals(List.of(0, 1, 2, 3, 4, 3, 3), indices);
    assertEquals(
        List.of(p(1, 1), p(1, 4), p(2, 4), p(2, 8), p(4, 8), p(2, 8), p(2, 8)),
        profiles(DimProfileTable.RDMA, indices));
  }

  @Test
  void rdmaDimDropsToIndexZeroOnceFewCompletionsArrivePerInterrupt() {
    DimTuner tuner = new DimTuner(DimProfileTable.RDMA);
    walk(tuner, new long[][] {{100, 100}, {200, 100}, {400, 100}, {800, 100}, {1600, 200}});
    assertEquals(4, tuner.index());
    List<Integer> indices =
        walk(
            tuner,
            new long[][] {
              {100, 100}, // rate collapsed: worse, turn left and step
              {100, 100} // unchanged, 1 completion per event (100 %) <= 50 x 3: back to 0
            });
    assertEquals(List.of(3, 0), indices);
  }

  @Test
  void rdmaDimTurnsAroundAtTheEndOfItsTable() {
    DimTuner tuner = new DimTuner(DimProfileTable.RDMA);
    long[][] rising = new long[11][];
    for (int i = 0; i < rising.length; i++) {
      rising[i] = new long[] {100L << i, 100};
    }
    List<Integer> indices = walk(tuner, rising);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 7), indices);
  }

  @Test
  void statisticsAreRatesPerMillisecondRoundedUpAsLinuxMeasuresThem() {
    // 64 events reporting 518 completions over 518.4 us
    DimStats stats = DimStats.measured(518, 64, 518_400_000L);
    assertEquals(1000, stats.completionsPerMs()); // 999.2 rounded up
    assertEquals(124, stats.eventsPerMs()); // 123.5 rounded up
    assertEquals(1000 * 100 / 124, stats.completionsPerEventPercent());
  }
}
