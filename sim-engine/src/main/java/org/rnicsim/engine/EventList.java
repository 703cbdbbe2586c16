package org.rnicsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap ordered by (time, priority, insertion order). Keys sit in
 * primitive arrays beside the events so that sifting compares longs without touching the event
 * objects; each event remembers its slot so cancellation is O(log n).
 *
 * <p>Ties: a higher priority runs first; equal priorities run in insertion order. The insertion
 * counter belongs to this list, never to the JVM, so two simulations never influence each other.
 */
final class EventList {
  static final int MIN_PRIORITY = 0;
  static final int MAX_PRIORITY = 15;
  private static final int SEQUENCE_BITS = 59;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private long[] times = new long[64];
  private long[] tieBreaks = new long[64];
  private SimEvent[] events = new SimEvent[64];
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
    siftUp(size++, event, timePs, tieBreak);
  }

  /** Removes and returns the earliest event; the list must not be empty. */
  SimEvent removeFirst() {
    SimEvent first = events[0];
    first.heapIndex = -1;
    int last = --size;
    if (last > 0) {
      SimEvent moved = events[last];
      long movedTime = times[last];
      long movedTie = tieBreaks[last];
      events[last] = null;
      siftDown(0, moved, movedTime, movedTie);
    } else {
      events[0] = null;
    }
    return first;
  }

  boolean remove(SimEvent event) {
    int index = event.heapIndex;
    if (index < 0 || index >= size || events[index] != event) {
      return false;
    }
    event.heapIndex = -1;
    int last = --size;
    if (index != last) {
      SimEvent moved = events[last];
      long movedTime = times[last];
      long movedTie = tieBreaks[last];
      events[last] = null;
      siftDown(index, moved, movedTime, movedTie);
      if (events[index] == moved) {
        siftUp(index, moved, movedTime, movedTie);
      }
    } else {
      events[last] = null;
    }
    return true;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      events[i].heapIndex = -1;
      events[i] = null;
    }
    size = 0;
  }

  private static boolean before(long timeA, long tieA, long timeB, long tieB) {
    return timeA < timeB || (timeA == timeB && tieA < tieB);
  }

  private void siftUp(int index, SimEvent event, long timePs, long tieBreak) {
    while (index > 0) {
      int parent = (index - 1) >>> 2;
      long parentTime = times[parent];
      if (!before(timePs, tieBreak, parentTime, tieBreaks[parent])) {
        break;
      }
      place(index, events[parent], parentTime, tieBreaks[parent]);
      index = parent;
    }
    place(index, event, timePs, tieBreak);
  }

  private void siftDown(int index, SimEvent event, long timePs, long tieBreak) {
    while (true) {
      int firstChild = (index << 2) + 1;
      if (firstChild >= size) {
        break;
      }
      int best = firstChild;
      long bestTime = times[firstChild];
      long bestTie = tieBreaks[firstChild];
      int end = Math.min(firstChild + 4, size);
      for (int child = firstChild + 1; child < end; child++) {
        long childTime = times[child];
        if (before(childTime, tieBreaks[child], bestTime, bestTie)) {
          best = child;
          bestTime = childTime;
          bestTie = tieBreaks[child];
        }
      }
      if (!before(bestTime, bestTie, timePs, tieBreak)) {
        break;
      }
      place(index, events[best], bestTime, bestTie);
      index = best;
    }
    place(index, event, timePs, tieBreak);
  }

  private void place(int index, SimEvent event, long timePs, long tieBreak) {
    events[index] = event;
    times[index] = timePs;
    tieBreaks[index] = tieBreak;
    event.heapIndex = index;
  }

  private void grow() {
    int capacity = events.length * 2;
    events = Arrays.copyOf(events, capacity);
    times = Arrays.copyOf(times, capacity);
    tieBreaks = Arrays.copyOf(tieBreaks, capacity);
  }
}
