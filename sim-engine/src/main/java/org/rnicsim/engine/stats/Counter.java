package org.rnicsim.engine.stats;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;

/** A count of occurrences, with its rate over the simulated time since the last reset. */
public final class Counter extends Observation {
  private final String name;
  private final RnicSimulator simulator;
  private long count;
  private long sincePs;

  Counter(String name, RnicSimulator simulator) {
    this.name = name;
    this.simulator = simulator;
    this.sincePs = simulator.nowPs();
  }

  public String name() {
    return name;
  }

  public void increment() {
    if (!dormant) {
      count++;
    }
  }

  public void add(long amount) {
    if (!dormant) {
      count += amount;
    }
  }

  public long count() {
    requireObserved();
    return count;
  }

  void reset() {
    count = 0;
    sincePs = simulator.nowPs();
  }

  public CounterSummary summarize() {
    requireObserved();
    long observedPs = simulator.nowPs() - sincePs;
    double perSecond = observedPs > 0 ? count / SimTime.toSeconds(observedPs) : Double.NaN;
    return new CounterSummary(name, count, perSecond, observedPs);
  }
}
