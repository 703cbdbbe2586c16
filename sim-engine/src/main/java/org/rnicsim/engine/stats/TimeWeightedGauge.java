package org.rnicsim.engine.stats;

import org.rnicsim.engine.RnicSimulator;

/**
 * A level that holds between changes (queue occupancy, a busy flag): its average weights each value
 * by the simulated time it was held.
 */
public final class TimeWeightedGauge extends Observation {
  private final String name;
  private final RnicSimulator simulator;
  private double value;
  private long sincePs;
  private long lastChangePs;
  private double areaValuePs;
  private double min;
  private double max;

  TimeWeightedGauge(String name, RnicSimulator simulator) {
    this.name = name;
    this.simulator = simulator;
    reset();
  }

  public String name() {
    return name;
  }

  public double value() {
    requireObserved();
    return value;
  }

  /** The level from now on. */
  public void set(double newValue) {
    setAt(simulator.nowPs(), newValue);
  }

  /**
   * The level from {@code timePs} on, for a change a model learns of only later (a packet whose
   * departure time was computed, not an event); changes must come in time order, and one from
   * before the last reset counts from the reset.
   */
  public void setAt(long timePs, double newValue) {
    if (dormant) {
      return;
    }
    long now = Math.max(timePs, lastChangePs);
    areaValuePs += value * (now - lastChangePs);
    lastChangePs = now;
    value = newValue;
    if (newValue < min) {
      min = newValue;
    }
    if (newValue > max) {
      max = newValue;
    }
  }

  /** Moves the level by {@code delta} from now on. */
  public void add(double delta) {
    set(value + delta);
  }

  /** Starts a new observation window at the current level (end of warm-up). */
  void reset() {
    long now = simulator.nowPs();
    sincePs = now;
    lastChangePs = now;
    areaValuePs = 0;
    min = value;
    max = value;
  }

  public GaugeSummary summarize() {
    requireObserved();
    long now = simulator.nowPs();
    long observedPs = now - sincePs;
    double area = areaValuePs + value * (now - lastChangePs);
    double average = observedPs > 0 ? area / observedPs : value;
    return new GaugeSummary(name, average, min, max, observedPs);
  }
}
