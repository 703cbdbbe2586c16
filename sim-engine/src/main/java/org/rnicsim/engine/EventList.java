package org.rnicsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap ordered by (time, priority, insertion order). Keys sit in
 * primitive arrays beside the events so that sifting compares longs without touching the event
 * objects.
 *
 * <p>An event keeps one slot in {@code events} for as long as it waits, and the heap orders slot
 * numbers, so a sift moves only ints and longs: no reference store into the (long-lived) slot array
 * and no write to the moved events. Under G1 every reference store into an old array from a young
 * event pays the collector's write barrier, which made sifting a third of {@code bench model}'s NDK
 * loop before. An event's {@code heapIndex} is its slot, so cancellation stays O(log n).
 *
 * <p>Ties: a higher priority runs first; equal priorities run in insertion order. The insertion
 * counter belongs to this list, never to the JVM, so two simulations never influence each other.
 */
final class EventList {
  static final int MIN_PRIORITY = 0;
  static final int MAX_PRIORITY = 15;
  private static final int SEQUENCE_BITS = 59;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
  private static final int INITIAL_CAPACITY = 64;

  // By heap position.
  private long[] times = new long[INITIAL_CAPACITY];
  private long[] tieBreaks = new long[INITIAL_CAPACITY];
  private int[] slotAt = new int[INITIAL_CAPACITY];
  // By slot.
  private SimEvent[] events = new SimEvent[INITIAL_CAPACITY];
  private int[] positionOf = new int[INITIAL_CAPACITY];
  // Slots free for reuse (a stack, so a busy list keeps reusing the same few); slots from
  // freshSlots on were never used.
  private int[] freeSlots = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int freshSlots;
  private int size;
  private long nextSequence;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the earliest event; only valid when not empty. */
  long firstTimePs() {
    return times[0];
  }

  void add(SimEvent event, long timePs, int priority) {
    if (event.heapIndex >= 0) {
      throw new IllegalStateException("event is already scheduled at " + event.timePs + " ps");
    }
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "priority " + priority + " outside " + MIN_PRIORITY + ".." + MAX_PRIORITY);
    }
    // Higher priority must sort first, so store its complement in the high bits.
    long tieBreak =
        ((long) (MAX_PRIORITY - priority) << SEQUENCE_BITS) | (nextSequence++ & SEQUENCE_MASK);
    event.timePs = timePs;
    event.tieBreak = tieBreak;
    if (size == events.length) {
      grow();
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : freshSlots++;
    events[slot] = event;
    event.heapIndex = slot;
    siftUp(size++, slot, timePs, tieBreak);
  }

  /**
   * Removes and returns the earliest event; the list must not be empty. The hole at the root goes
   * down to a leaf along the earliest children, then the last entry rises into it from there
   * (Floyd's bottom-up deletion): the last entry is usually late, so this compares children only
   * with each other on the way down instead of also with it at every level. The order events come
   * out in is the same, as no two entries share a key.
   */
  SimEvent removeFirst() {
    SimEvent first = release(slotAt[0]);
    int last = --size;
    if (last > 0) {
      int hole = 0;
      int firstChild;
      while ((firstChild = (hole << 2) + 1) < last) {
        int best = earliestChild(firstChild, Math.min(firstChild + 4, last));
        place(hole, slotAt[best], times[best], tieBreaks[best]);
        hole = best;
      }
      siftUp(hole, slotAt[last], times[last], tieBreaks[last]);
    }
    return first;
  }

  boolean remove(SimEvent event) {
    int slot = event.heapIndex;
    if (slot < 0 || slot >= freshSlots || events[slot] != event) {
      return false;
    }
    int index = positionOf[slot];
    release(slot);
    int last = --size;
    if (index != last) {
      int movedSlot = slotAt[last];
      long movedTime = times[last];
      long movedTie = tieBreaks[last];
      siftDown(index, movedSlot, movedTime, movedTie);
      if (slotAt[index] == movedSlot) {
        siftUp(index, movedSlot, movedTime, movedTie);
      }
    }
    return true;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      release(slotAt[i]);
    }
    size = 0;
    freeCount = 0;
    freshSlots = 0;
  }

  /** Empties {@code slot} and returns the event it held. */
  private SimEvent release(int slot) {
    SimEvent event = events[slot];
    events[slot] = null;
    event.heapIndex = -1;
    freeSlots[freeCount++] = slot;
    return event;
  }

  private static boolean before(long timeA, long tieA, long timeB, long tieB) {
    return timeA < timeB || (timeA == timeB && tieA < tieB);
  }

  private void siftUp(int index, int slot, long timePs, long tieBreak) {
    while (index > 0) {
      int parent = (index - 1) >>> 2;
      long parentTime = times[parent];
      if (!before(timePs, tieBreak, parentTime, tieBreaks[parent])) {
        break;
      }
      place(index, slotAt[parent], parentTime, tieBreaks[parent]);
      index = parent;
    }
    place(index, slot, timePs, tieBreak);
  }

  private void siftDown(int index, int slot, long timePs, long tieBreak) {
    while (true) {
      int firstChild = (index << 2) + 1;
      if (firstChild >= size) {
        break;
      }
      int best = earliestChild(firstChild, Math.min(firstChild + 4, size));
      long bestTime = times[best];
      long bestTie = tieBreaks[best];
      if (!before(bestTime, bestTie, timePs, tieBreak)) {
        break;
      }
      place(index, slotAt[best], bestTime, bestTie);
      index = best;
    }
    place(index, slot, timePs, tieBreak);
  }

  /** Position of the earliest entry among positions {@code firstChild} to {@code end} - 1. */
  private int earliestChild(int firstChild, int end) {
    int best = firstChild;
    long bestTime = times[firstChild];
    long bestTie = tieBreaks[firstChild];
    for (int child = firstChild + 1; child < end; child++) {
      long childTime = times[child];
      if (before(childTime, tieBreaks[child], bestTime, bestTie)) {
        best = child;
        bestTime = childTime;
        bestTie = tieBreaks[child];
      }
    }
    return best;
  }

  private void place(int index, int slot, long timePs, long tieBreak) {
    slotAt[index] = slot;
    times[index] = timePs;
    tieBreaks[index] = tieBreak;
    positionOf[slot] = index;
  }

  private void grow() {
    int capacity = events.length * 2;
    times = Arrays.copyOf(times, capacity);
    tieBreaks = Arrays.copyOf(tieBreaks, capacity);
    slotAt = Arrays.copyOf(slotAt, capacity);
    events = Arrays.copyOf(events, capacity);
    positionOf = Arrays.copyOf(positionOf, capacity);
    freeSlots = Arrays.copyOf(freeSlots, capacity);
  }
}
