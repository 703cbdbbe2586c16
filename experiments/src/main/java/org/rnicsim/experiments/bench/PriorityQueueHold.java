package org.rnicsim.experiments.bench;

import java.util.PriorityQueue;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

/**
 * The floor: a bare {@link PriorityQueue} loop with the same ordering rule (time, then insertion
 * order) and no simulator around it. An engine cannot do much better than this.
 */
final class PriorityQueueHold implements HoldModel {
  @Override
  public String engineName() {
    return "java.util.PriorityQueue";
  }

  private static final class Entry implements Comparable<Entry> {
    long timePs;
    long sequence;

    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(timePs, other.timePs);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  @Override
  public Measurement run(int pendingEvents, long events, long seed) {
    SimRandom random = new RandomStreams(seed, 0).stream("hold");
    PriorityQueue<Entry> queue = new PriorityQueue<>(pendingEvents);
    long sequence = 0;
    for (int i = 0; i < pendingEvents; i++) {
      Entry entry = new Entry();
      entry.timePs = random.exponentialPs(MEAN_HOLD_PS);
      entry.sequence = sequence++;
      queue.add(entry);
    }
    long start = System.nanoTime();
    for (long i = 0; i < events; i++) {
      Entry entry = queue.poll();
      entry.timePs += random.exponentialPs(MEAN_HOLD_PS);
      entry.sequence = sequence++;
      queue.add(entry);
    }
    return new Measurement(events, System.nanoTime() - start);
  }
}
