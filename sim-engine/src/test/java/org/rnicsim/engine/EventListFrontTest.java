package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The list's front slot, which holds an event due before all others, must not change the order: the
 * cases a random program reaches only rarely.
 */
class EventListFrontTest {
  private static final class Probe extends SimEvent {
    @Override
    protected void fire() {}
  }

  // Thresholds of 0 keep every event but the front in the buckets, none in the near heap.
  private final EventList list = new EventList(0, 0);
  private final Probe first = new Probe();
  private final Probe second = new Probe();
  private final Probe third = new Probe();

  @Test
  void aLowerPriorityEventTiedWithABucketedOneRunsAfterIt() {
    list.add(first, 100, 5);
    list.add(second, 200, 5);
    assertSame(first, list.removeFirst());
    list.add(third, 200, 1);
    assertSame(second, list.removeFirst());
    assertSame(third, list.removeFirst());
  }

  @Test
  void anEarlierEventPushesTheFrontBackIntoTheList() {
    list.add(first, 300, 5);
    list.add(second, 100, 5);
    list.add(third, 100, 9);
    assertEquals(100, list.firstTimePs());
    assertSame(third, list.removeFirst());
    assertSame(second, list.removeFirst());
    assertSame(first, list.removeFirst());
    assertEquals(0, list.size());
  }

  @Test
  void cancellingTheFrontLeavesTheRestInOrder() {
    list.add(first, 100, 5);
    list.add(second, 200, 5);
    assertTrue(list.remove(first));
    assertFalse(first.isScheduled());
    assertEquals(1, list.size());
    assertEquals(200, list.firstTimePs());
    assertSame(second, list.removeFirst());
  }
}
