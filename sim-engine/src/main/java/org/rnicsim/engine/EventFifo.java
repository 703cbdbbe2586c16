package org.rnicsim.engine;

/**
 * Events that fall due in the order they are scheduled, such as the packets on one direction of a
 * cable (each arrives after the one sent before it): only the first waits in the simulator's event
 * list, the others wait here in a ring. Each still takes its place among simultaneous events when
 * it is scheduled here (its insertion number), and the list orders by time, priority and that
 * number only, so events run in exactly the order that scheduling each one directly gives. What
 * changes is the list's length: a switch's output queues hold hundreds of packets whose arrivals
 * are already booked, which as single events made the list thousands long, and each event it holds
 * costs it a few moves between buckets before it runs.
 *
 * <p>The owner calls {@link #fired} first thing when the first event runs, so the next one takes
 * its place in the list. The FIFO keeps each event's time and place in its own rings and checks an
 * event when it takes it, while the event is in the cache: moving the next one into the list then
 * only stores into it.
 */
public final class EventFifo {
  private final RnicSimulator simulator;
  private final int priority;
  // Rings whose length is a power of two, indexed by masking.
  private SimEvent[] events = new SimEvent[8];
  private long[] timesPs = new long[8];
  private long[] tieBreaks = new long[8];
  private int head;
  private int count;
  // The time of the event scheduled here last.
  private long lastPs = Long.MIN_VALUE;

  /** A FIFO whose events all have {@code priority} among simultaneous events. */
  public EventFifo(RnicSimulator simulator, int priority) {
    this.simulator = simulator;
    this.priority = priority;
  }

  /** Events waiting here, the first of them in the event list. */
  public int size() {
    return count;
  }

  /**
   * Schedules {@code event} at {@code timePs}, not before the event scheduled here last.
   *
   * @throws IllegalArgumentException if {@code timePs} is before now or before that event
   */
  public void schedule(SimEvent event, long timePs) {
    if (event.heapIndex >= 0) {
      throw new IllegalStateException("event is already scheduled at " + event.timePs + " ps");
    }
    if (count > 0 && timePs < lastPs) {
      throw new IllegalArgumentException(
          "FIFO event at " + timePs + " ps is due before the one ahead of it, at " + lastPs);
    }
    simulator.checkNotPast(timePs);
    long tieBreak = simulator.takeTieBreak(priority);
    if (count == 0) {
      simulator.scheduleInPlace(event, timePs, tieBreak);
    } else {
      // Read by timePs() meanwhile; the list sets both again when the event's turn comes.
      event.timePs = timePs;
      event.tieBreak = tieBreak;
      simulator.waitingInFifos++;
    }
    if (count == events.length) {
      grow();
    }
    int tail = (head + count) & (events.length - 1);
    events[tail] = event;
    timesPs[tail] = timePs;
    tieBreaks[tail] = tieBreak;
    lastPs = timePs;
    count++;
  }

  /** {@code event}, the first here, is running: the next one takes its place in the list. */
  public void fired(SimEvent event) {
    if (count == 0 || events[head] != event) {
      throw new IllegalStateException("not the first event of this FIFO: " + event);
    }
    popHead();
  }

  /**
   * Removes {@code event} before it runs (looked for from the latest on: cancellations usually take
   * back what was scheduled last); false if it is not waiting here.
   */
  public boolean cancel(SimEvent event) {
    int mask = events.length - 1;
    for (int i = count - 1; i >= 0; i--) {
      int index = (head + i) & mask;
      if (events[index] != event) {
        continue;
      }
      if (i == 0) {
        simulator.cancel(event);
        popHead();
        return true;
      }
      for (int j = i; j < count - 1; j++) {
        int to = (head + j) & mask;
        int from = (head + j + 1) & mask;
        events[to] = events[from];
        timesPs[to] = timesPs[from];
        tieBreaks[to] = tieBreaks[from];
      }
      count--;
      events[(head + count) & mask] = null;
      lastPs = timesPs[(head + count - 1) & mask];
      simulator.waitingInFifos--;
      return true;
    }
    return false;
  }

  private void popHead() {
    events[head] = null;
    head = (head + 1) & (events.length - 1);
    count--;
    if (count > 0) {
      simulator.waitingInFifos--;
      simulator.scheduleInPlace(events[head], timesPs[head], tieBreaks[head]);
    }
  }

  private void grow() {
    int length = events.length;
    SimEvent[] grownEvents = new SimEvent[length * 2];
    long[] grownTimes = new long[length * 2];
    long[] grownTieBreaks = new long[length * 2];
    for (int i = 0; i < count; i++) {
      int from = (head + i) & (length - 1);
      grownEvents[i] = events[from];
      grownTimes[i] = timesPs[from];
      grownTieBreaks[i] = tieBreaks[from];
    }
    events = grownEvents;
    timesPs = grownTimes;
    tieBreaks = grownTieBreaks;
    head = 0;
  }
}
