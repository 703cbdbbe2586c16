package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventOrderingTest {
  private final RnicSimulator sim = new RnicSimulator("test");
  private final List<String> log = new ArrayList<>();

  @Test
  void eventsRunInTimeOrderWhateverTheSchedulingOrder() {
    sim.schedule(30, () -> log.add("c@" + sim.nowPs()));
    sim.schedule(10, () -> log.add("a@" + sim.nowPs()));
    sim.schedule(20, () -> log.add("b@" + sim.nowPs()));
    sim.runToEnd();
    assertEquals(List.of("a@10", "b@20", "c@30"), log);
  }

  @Test
  void simultaneousEventsRunByPriorityThenInsertionOrder() {
    sim.schedule(5, RnicSimulator.PRIORITY_LOW, () -> log.add("low"));
    sim.schedule(5, RnicSimulator.PRIORITY_NORMAL, () -> log.add("normal-1"));
    sim.schedule(5, RnicSimulator.PRIORITY_HIGH, () -> log.add("high"));
    sim.schedule(5, RnicSimulator.PRIORITY_NORMAL, () -> log.add("normal-2"));
    sim.schedule(5, RnicSimulator.PRIORITY_NORMAL, () -> log.add("normal-3"));
    sim.runToEnd();
    assertEquals(List.of("high", "normal-1", "normal-2", "normal-3", "low"), log);
  }

  @Test
  void anEventScheduledForNowRunsAfterThoseAlreadyWaitingAtNow() {
    sim.schedule(
        7,
        () -> {
          log.add("first");
          sim.schedule(0, () -> log.add("third"));
        });
    sim.schedule(7, () -> log.add("second"));
    sim.runToEnd();
    assertEquals(List.of("first", "second", "third"), log);
  }

  @Test
  void aTimerAskedToWakeNoLaterThanADeadlineRunsOnceAtTheEarliestDeadline() {
    SimEvent timer =
        new SimEvent() {
          @Override
          protected void fire() {
            log.add("timer@" + sim.nowPs());
          }
        };
    sim.scheduleNoLaterThan(timer, 300, RnicSimulator.PRIORITY_NORMAL);
    sim.scheduleNoLaterThan(timer, 500, RnicSimulator.PRIORITY_NORMAL); // later: stays at 300
    sim.scheduleNoLaterThan(timer, 200, RnicSimulator.PRIORITY_NORMAL); // earlier: moves to 200
    sim.schedule(250, () -> log.add("other@" + sim.nowPs()));
    sim.runToEnd();
    assertEquals(List.of("timer@200", "other@250"), log);
  }

  @Test
  void aCancelledEventNeverRuns() {
    EventHandle doomed = sim.schedule(10, () -> log.add("doomed"));
    sim.schedule(5, () -> log.add("kept"));
    assertTrue(doomed.isScheduled());
    assertTrue(sim.cancel(doomed));
    assertFalse(doomed.isScheduled());
    assertFalse(sim.cancel(doomed), "cancelling twice reports false");
    sim.runToEnd();
    assertEquals(List.of("kept"), log);
  }

  @Test
  void cancellingFromInsideAnEventAtTheSameTimeStopsIt() {
    EventHandle[] later = new EventHandle[1];
    sim.schedule(3, () -> sim.cancel(later[0]));
    later[0] = sim.schedule(3, () -> log.add("should not run"));
    sim.runToEnd();
    assertEquals(List.of(), log);
  }

  @Test
  void aReusableEventCanBeRescheduledAfterItRan() {
    SimEvent tick =
        new SimEvent() {
          @Override
          protected void fire() {
            log.add("tick@" + sim.nowPs());
            if (log.size() < 3) {
              sim.schedule(this, 100);
            }
          }
        };
    sim.schedule(tick, 100);
    assertThrows(IllegalStateException.class, () -> sim.schedule(tick, 5), "already waiting");
    sim.runToEnd();
    assertEquals(List.of("tick@100", "tick@200", "tick@300"), log);
  }

  @Test
  void schedulingInThePastOrWithNegativeDelayIsRefused() {
    sim.schedule(50, () -> {});
    sim.runToEnd();
    assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(49, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> {}));
  }

  @Test
  void runUntilATimeRunsEventsAtThatTimeAndAdvancesTheClock() {
    sim.schedule(10, () -> log.add("10"));
    sim.schedule(20, () -> log.add("20"));
    sim.schedule(21, () -> log.add("21"));
    assertEquals(2, sim.runUntil(20));
    assertEquals(List.of("10", "20"), log);
    assertEquals(20, sim.nowPs());
    assertEquals(0, sim.runUntil(20));
    assertEquals(1, sim.runUntil(1_000));
    assertEquals(1_000, sim.nowPs(), "the clock moves to the end time even with no event there");
  }

  @Test
  void runUntilAConditionStopsRightAfterTheEventThatMadeItTrue() {
    int[] count = new int[1];
    for (int i = 1; i <= 10; i++) {
      sim.schedule(i, () -> count[0]++);
    }
    sim.runUntil(() -> count[0] == 4);
    assertEquals(4, count[0]);
    assertEquals(4, sim.nowPs());
  }

  @Test
  void runEventsRunsExactlyThatMany() {
    for (int i = 1; i <= 10; i++) {
      sim.schedule(i, () -> {});
    }
    assertEquals(3, sim.runEvents(3));
    assertEquals(3, sim.nowPs());
    assertEquals(7, sim.pendingEventCount());
    assertEquals(3, sim.eventsExecuted());
  }

  @Test
  void requestStopFromAnEventEndsTheRunAfterThatEvent() {
    sim.schedule(1, () -> log.add("1"));
    sim.schedule(2, sim::requestStop);
    sim.schedule(3, () -> log.add("3"));
    sim.runToEnd();
    assertEquals(List.of("1"), log);
    sim.runToEnd();
    assertEquals(List.of("1", "3"), log, "a later run continues where the stop left off");
  }

  @Test
  void eventsScheduledThroughTheDsolInterfaceShareTheClockAndTheOrder() {
    sim.schedule(10, () -> log.add("native@" + sim.nowPs()));
    sim.scheduleEventRel(5L, () -> log.add("dsol@" + sim.getSimulatorTime()));
    var cancelled = sim.scheduleEventRel(7L, () -> log.add("cancelled"));
    assertTrue(sim.cancelEvent(cancelled));
    sim.runToEnd();
    assertEquals(List.of("dsol@5", "native@10"), log);
  }
}
