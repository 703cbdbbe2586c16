package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The heap against the obvious reference: sort everything that was not cancelled. */
class EventListPropertyTest {
  private record Expected(long timePs, int priority, int order) {}

  @RepeatedTest(20)
  void executionOrderEqualsTheSortedReferenceUnderRandomCancellation(RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    RnicSimulator sim = new RnicSimulator("property");
    List<Integer> executed = new ArrayList<>();
    List<Expected> expected = new ArrayList<>();
    List<EventHandle> handles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long time = random.nextLong(200);
      int priority = 1 + random.nextInt(10);
      int order = i;
      handles.add(sim.scheduleAt(time, priority, () -> executed.add(order)));
      expected.add(new Expected(time, priority, order));
    }
    for (int i = 0; i < 500; i++) {
      int victim = random.nextInt(handles.size());
      if (sim.cancel(handles.get(victim))) {
        int v = victim;
        expected.removeIf(e -> e.order() == v);
      }
    }
    sim.runToEnd();
    List<Integer> reference =
        expected.stream()
            .sorted(
                Comparator.comparingLong(Expected::timePs)
                    .thenComparing(Comparator.comparingInt(Expected::priority).reversed())
                    .thenComparingInt(Expected::order))
            .map(Expected::order)
            .toList();
    assertEquals(reference, executed);
  }
}
