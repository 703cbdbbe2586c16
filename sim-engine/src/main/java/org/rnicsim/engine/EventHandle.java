package org.rnicsim.engine;

/** A scheduled event as the scheduler's caller sees it: it can be asked about and cancelled. */
public interface EventHandle {
  /** The simulated time the event is (or was) due, in picoseconds. */
  long timePs();

  /** True while the event waits in the event list: not yet executed and not cancelled. */
  boolean isScheduled();
}
