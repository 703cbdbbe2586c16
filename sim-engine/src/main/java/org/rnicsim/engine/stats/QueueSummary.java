package org.rnicsim.engine.stats;

import org.rnicsim.engine.SimTime;

/**
 * A queue over its observation window: time-averaged occupancy (items), the items that left, their
 * mean sojourn, and the window's length.
 */
public record QueueSummary(
    String name,
    double timeAverageOccupancy,
    long departures,
    double meanSojournPs,
    long observedPs) {

  /** Items that left per simulated second (the queue's throughput); NaN for an empty window. */
  public double departuresPerSecond() {
    return observedPs > 0 ? departures / SimTime.toSeconds(observedPs) : Double.NaN;
  }
}
