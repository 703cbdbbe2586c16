package org.rnicsim.engine;

import java.util.Arrays;

/**
 * The pending-event set, ordered by (time, priority, insertion order): a radix heap over the time
 * in front of which a small comparison heap holds the earliest events.
 *
 * <p>Why a radix heap: a simulator never schedules before its clock, so no waiting time is below
 * the floor, the earliest time when the near heap was last refilled. Bucket {@code b} (1..64)
 * holds, unordered, the events whose time first differs from the floor in bit {@code b - 1}. The
 * near heap holds every event of buckets 0..{@code nearLimit}; when it runs empty, the lowest
 * occupied bucket joins it whole if small, or else is split: its earliest time becomes the floor
 * and its events move to lower buckets, each move a predictable append. A list of a few dozen
 * events keeps them all in the near heap. A comparison heap over all events instead pays a branch
 * mispredicted about half the time at every level of every sift, which made it a quarter of {@code
 * bench fabric}'s CPU samples with a thousand events waiting.
 *
 * <p>Events keep a slot for as long as they wait, and the buckets and the near heap hold slot
 * numbers, not references: under G1 every reference store into a long-lived array pays the
 * collector's write barrier. An event's {@code heapIndex} is its slot, so a cancellation finds it
 * at once.
 *
 * <p>The front: an event scheduled before every waiting event (the next event an event schedules
 * often is) is held in one slot in front of the heaps, and taken next without a sift; an event that
 * beats it later pushes it back into the heaps. The order is the same as without it.
 */
final class EventList {
  static final int MIN_PRIORITY = 0;
  static final int MAX_PRIORITY = 15;
  private static final int SEQUENCE_BITS = 59;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
  private static final int INITIAL_CAPACITY = 64;
  private static final int INITIAL_BUCKET_CAPACITY = 16;
  private static final int BUCKET_BITS = 7;
  private static final long BUCKET_MASK = (1L << BUCKET_BITS) - 1;
  // A lowest bucket this small joins the near heap whole rather than being split. Replaying bench
  // model's (a dozen waiting) and bench fabric's (a thousand) operations: 8 did best on the first.
  private static final int SMALL_BUCKET = 8;
  private static final int ALL_BUCKETS = 64;
  private static final int NO_SLOT = -1;
  // While smallList or fewer wait, all stay in the near heap (nearLimit ALL_BUCKETS): bench model's
  // dozen events cost more through the buckets (JFR). Back to the buckets once the near heap holds
  // more than spillEvents; the gap keeps the list from switching back and forth.
  private final int smallList;
  private final int spillEvents;

  // By slot.
  private SimEvent[] events = new SimEvent[INITIAL_CAPACITY];
  private long[] times = new long[INITIAL_CAPACITY];
  private long[] tieBreaks = new long[INITIAL_CAPACITY];
  // Where a slot waits: its position in the near heap or its bucket, shifted left by BUCKET_BITS,
  // or'ed with its bucket (0 for the near heap).
  private long[] placeOf = new long[INITIAL_CAPACITY];
  // The slot due before every slot in the near heap and the buckets, or NO_SLOT.
  private int front = NO_SLOT;
  // Slots free for reuse (a stack, so a busy list keeps reusing the same few); slots from
  // freshSlots on were never used.
  private int[] freeSlots = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int freshSlots;

  // The near heap: every slot in buckets 0..nearLimit, a 4-ary min-heap on (time, tieBreak).
  private int[] near = new int[INITIAL_BUCKET_CAPACITY];
  private int nearCount;
  private int nearLimit = ALL_BUCKETS;

  // Buckets 1..64, unordered; bit b - 1 of occupied says bucket b has slots.
  private final int[][] buckets = new int[65][];
  private final int[] bucketSizes = new int[65];
  // Earliest time in each occupied bucket; only a lower bound when the bucket's bit in staleMins
  // is set (a cancelled event took the earliest time away).
  private final long[] bucketMinPs = new long[65];
  private long occupied;
  private long staleMins;
  // No waiting event is due before this.
  private long floorPs = Long.MIN_VALUE;
  private int size;
  private long nextSequence;

  EventList() {
    this(64, 256);
  }

  /** A list that keeps up to {@code smallList} events in the near heap alone (tests vary it). */
  EventList(int smallList, int spillEvents) {
    this.smallList = smallList;
    this.spillEvents = spillEvents;
  }

  int size() {
    return size;
  }

  /** Time of the earliest event; only valid when not empty. */
  long firstTimePs() {
    if (front != NO_SLOT) {
      return times[front];
    }
    if (nearCount > 0) {
      return times[near[0]];
    }
    return bucketMin(Long.numberOfTrailingZeros(occupied) + 1);
  }

  void add(SimEvent event, long timePs, int priority) {
    if (event.heapIndex >= 0) {
      throw new IllegalStateException("event is already scheduled at " + event.timePs + " ps");
    }
    insert(event, timePs, tieBreak(priority));
  }

  /**
   * The place among simultaneous events of one of {@code priority} scheduled now: higher priority
   * first (its complement sorts low), then insertion order, counted here and never by the JVM.
   */
  long tieBreak(int priority) {
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException(
          "priority " + priority + " outside " + MIN_PRIORITY + ".." + MAX_PRIORITY);
    }
    return ((long) (MAX_PRIORITY - priority) << SEQUENCE_BITS) | (nextSequence++ & SEQUENCE_MASK);
  }

  /** Adds {@code event}, known not to wait here, in the place {@code tieBreak} gave it. */
  void insert(SimEvent event, long timePs, long tieBreak) {
    event.timePs = timePs;
    event.tieBreak = tieBreak;
    if (freeCount == 0 && freshSlots == events.length) {
      grow();
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : freshSlots++;
    events[slot] = event;
    times[slot] = timePs;
    tieBreaks[slot] = tieBreak;
    event.heapIndex = slot;
    size++;
    if (front != NO_SLOT) {
      if (!before(slot, front)) {
        fileWaiting(slot);
        return;
      }
      int pushedBack = front;
      front = slot;
      fileWaiting(pushedBack);
    } else if (size == 1 || beforeWaiting(slot)) {
      front = slot;
    } else {
      fileWaiting(slot);
    }
  }

  /** Whether {@code slot}, not yet filed, is due before every event in the heaps. */
  private boolean beforeWaiting(int slot) {
    if (nearCount > 0) {
      return before(slot, near[0]);
    }
    // Strictly before the lowest bucket's earliest time; ties there would need their tieBreaks.
    return times[slot] < bucketMin(Long.numberOfTrailingZeros(occupied) + 1);
  }

  /** Files {@code slot} in the heaps. */
  private void fileWaiting(int slot) {
    long timePs = times[slot];
    if (timePs < floorPs) {
      lowerFloor(timePs, slot);
    }
    file(slot, timePs);
    if (nearLimit == ALL_BUCKETS && nearCount > spillEvents) {
      spill();
    }
  }

  /** Removes and returns the earliest event; the list must not be empty. */
  SimEvent removeFirst() {
    // One call of release, not one per branch, keeps this small enough for the JIT to inline it.
    int slot = front;
    if (slot != NO_SLOT) {
      front = NO_SLOT;
    } else {
      if (nearCount == 0) {
        refillNear();
      }
      slot = near[0];
      int last = --nearCount;
      if (last > 0) {
        siftDown(0, near[last]);
      }
    }
    size--;
    return release(slot);
  }

  boolean remove(SimEvent event) {
    int slot = event.heapIndex;
    if (slot < 0 || slot >= freshSlots || events[slot] != event) {
      return false;
    }
    if (slot == front) {
      front = NO_SLOT;
    } else {
      long place = placeOf[slot];
      int bucket = (int) (place & BUCKET_MASK);
      int position = (int) (place >>> BUCKET_BITS);
      if (bucket == 0) {
        int last = --nearCount;
        if (position != last) {
          int moved = near[last];
          siftDown(position, moved);
          if (near[position] == moved) {
            siftUp(position, moved);
          }
        }
      } else {
        int[] slots = buckets[bucket];
        int last = --bucketSizes[bucket];
        if (position != last) {
          int moved = slots[last];
          slots[position] = moved;
          placeOf[moved] = ((long) position << BUCKET_BITS) | bucket;
        }
        long bit = 1L << (bucket - 1);
        if (last == 0) {
          occupied &= ~bit;
          staleMins &= ~bit;
        } else if (times[slot] == bucketMinPs[bucket]) {
          staleMins |= bit;
        }
      }
    }
    size--;
    release(slot);
    return true;
  }

  void clear() {
    for (int slot = 0; slot < freshSlots; slot++) {
      if (events[slot] != null) {
        events[slot].heapIndex = -1;
        events[slot] = null;
      }
    }
    Arrays.fill(bucketSizes, 0);
    front = NO_SLOT;
    nearCount = 0;
    nearLimit = ALL_BUCKETS;
    occupied = 0;
    staleMins = 0;
    floorPs = Long.MIN_VALUE;
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

  /** Puts {@code slot} in the bucket its time belongs to relative to the floor. */
  private void file(int slot, long timePs) {
    int bucket = 64 - Long.numberOfLeadingZeros(timePs ^ floorPs);
    if (bucket <= nearLimit) {
      if (nearCount == near.length) {
        near = Arrays.copyOf(near, nearCount * 2);
      }
      siftUp(nearCount++, slot);
      return;
    }
    int[] slots = buckets[bucket];
    int position = bucketSizes[bucket]++;
    if (slots == null || position == slots.length) {
      slots = growBucket(bucket);
    }
    slots[position] = slot;
    placeOf[slot] = ((long) position << BUCKET_BITS) | bucket;
    long bit = 1L << (bucket - 1);
    if ((occupied & bit) == 0) {
      occupied |= bit;
      bucketMinPs[bucket] = timePs;
    } else if (timePs < bucketMinPs[bucket]) {
      bucketMinPs[bucket] = timePs;
    }
  }

  /**
   * The near heap is empty: a small lowest bucket joins it whole; a large one is split first, its
   * earliest time becoming the floor and its events moving to lower buckets (those due at the new
   * floor into the near heap). The buckets above keep their events: the new floor agrees with the
   * old one in every bit above the split bucket's.
   */
  private void refillNear() {
    while (nearCount == 0) {
      if (size <= smallList) {
        gather();
        return;
      }
      int bucket = Long.numberOfTrailingZeros(occupied) + 1;
      long bit = 1L << (bucket - 1);
      int count = bucketSizes[bucket];
      int[] slots = buckets[bucket];
      if (count <= SMALL_BUCKET) {
        nearLimit = bucket;
      } else {
        floorPs = bucketMin(bucket);
        nearLimit = 0;
      }
      occupied &= ~bit;
      staleMins &= ~bit;
      bucketSizes[bucket] = 0;
      refile(slots, count);
    }
  }

  /** Files the first {@code count} of {@code slots} again, relative to the floor now. */
  private void refile(int[] slots, int count) {
    for (int i = 0; i < count; i++) {
      file(slots[i], times[slots[i]]);
    }
  }

  /** Moves every waiting event from the buckets into the (empty) near heap. */
  private void gather() {
    nearLimit = ALL_BUCKETS;
    long left = occupied;
    occupied = 0;
    staleMins = 0;
    while (left != 0) {
      int bucket = Long.numberOfTrailingZeros(left) + 1;
      left &= left - 1;
      int count = bucketSizes[bucket];
      bucketSizes[bucket] = 0;
      refile(buckets[bucket], count);
    }
  }

  /** Moves the near heap's events to the buckets, but for those due at the floor. */
  private void spill() {
    int count = nearCount;
    int[] slots = Arrays.copyOf(near, count);
    nearCount = 0;
    nearLimit = 0;
    refile(slots, count);
  }

  /** The earliest time in occupied {@code bucket}, found again if a cancellation took it. */
  private long bucketMin(int bucket) {
    long bit = 1L << (bucket - 1);
    if ((staleMins & bit) != 0) {
      int[] slots = buckets[bucket];
      long min = Long.MAX_VALUE;
      for (int i = bucketSizes[bucket] - 1; i >= 0; i--) {
        min = Math.min(min, times[slots[i]]);
      }
      bucketMinPs[bucket] = min;
      staleMins &= ~bit;
    }
    return bucketMinPs[bucket];
  }

  /**
   * Files everything in the heaps again relative to a floor of {@code timePs}, but for {@code
   * newSlot} and the front. Only a caller that schedules before the time it last took out needs
   * this; the simulator never does, as it refuses to schedule before its clock.
   */
  private void lowerFloor(long timePs, int newSlot) {
    int[] waiting = new int[size - 1];
    int count = 0;
    for (int slot = 0; slot < freshSlots; slot++) {
      if (events[slot] != null && slot != newSlot && slot != front) {
        waiting[count++] = slot;
      }
    }
    Arrays.fill(bucketSizes, 0);
    nearCount = 0;
    occupied = 0;
    staleMins = 0;
    floorPs = timePs;
    refile(waiting, count);
  }

  private boolean before(int slotA, int slotB) {
    long timeA = times[slotA];
    long timeB = times[slotB];
    return timeA < timeB || (timeA == timeB && tieBreaks[slotA] < tieBreaks[slotB]);
  }

  private void siftUp(int index, int slot) {
    while (index > 0) {
      int parent = (index - 1) >>> 2;
      int parentSlot = near[parent];
      if (!before(slot, parentSlot)) {
        break;
      }
      placeNear(index, parentSlot);
      index = parent;
    }
    placeNear(index, slot);
  }

  private void siftDown(int index, int slot) {
    int count = nearCount;
    int firstChild;
    while ((firstChild = (index << 2) + 1) < count) {
      int best = near[firstChild];
      int bestIndex = firstChild;
      for (int child = firstChild + 1, end = Math.min(firstChild + 4, count);
          child < end;
          child++) {
        if (before(near[child], best)) {
          best = near[child];
          bestIndex = child;
        }
      }
      if (!before(best, slot)) {
        break;
      }
      placeNear(index, best);
      index = bestIndex;
    }
    placeNear(index, slot);
  }

  private void placeNear(int index, int slot) {
    near[index] = slot;
    placeOf[slot] = (long) index << BUCKET_BITS;
  }

  private int[] growBucket(int bucket) {
    int[] slots = buckets[bucket];
    buckets[bucket] =
        slots == null ? new int[INITIAL_BUCKET_CAPACITY] : Arrays.copyOf(slots, slots.length * 2);
    return buckets[bucket];
  }

  private void grow() {
    int capacity = events.length * 2;
    events = Arrays.copyOf(events, capacity);
    times = Arrays.copyOf(times, capacity);
    tieBreaks = Arrays.copyOf(tieBreaks, capacity);
    placeOf = Arrays.copyOf(placeOf, capacity);
    freeSlots = Arrays.copyOf(freeSlots, capacity);
  }
}
