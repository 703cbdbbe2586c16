package org.rnicsim.model.fabric;

/** When a port's queue slots have room, worked out from the packets it holds. */
final class QueueSlots {
  private QueueSlots() {}

  /**
   * The first time from {@code fromPs} on that a port holding {@code count} packets, from ring
   * index {@code head} on (rings of a power-of-two length, departures in order), has fewer ready
   * packets not yet gone than {@code slots}: {@code fromPs} itself, or the departure that frees a
   * slot. Fewer packets held than slots means room without counting which are ready (a switch
   * output, whose slots are unlimited, never counts). Packets that become ready meanwhile count, so
   * a wake-up at the head's departure that would find the slots refilled is never booked. Pauses
   * are the caller's.
   */
  static long roomFromPs(
      long[] departuresPs, long[] readiesPs, int head, int count, int slots, long fromPs) {
    int mask = departuresPs.length - 1;
    long atPs = fromPs;
    int first = 0;
    while (true) {
      while (first < count && departuresPs[(head + first) & mask] <= atPs) {
        first++;
      }
      if (count - first < slots) {
        return atPs;
      }
      int queued = 0;
      for (int i = first; i < count && queued < slots; i++) {
        if (readiesPs[(head + i) & mask] <= atPs) {
          queued++;
        }
      }
      if (queued < slots) {
        return atPs;
      }
      atPs = departuresPs[(head + first) & mask];
    }
  }
}
