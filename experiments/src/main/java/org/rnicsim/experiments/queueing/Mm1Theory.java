package org.rnicsim.experiments.queueing;

/** Closed-form M/M/1 results, the yardstick the simulation is drawn against. */
public final class Mm1Theory {
  private Mm1Theory() {}

  /**
   * Mean time in queue before service, Wq = rho / (mu - lambda), which with mu = 1 / meanService is
   * rho * meanService / (1 - rho).
   */
  public static double meanWaitPs(double load, double meanServicePs) {
    return load * meanServicePs / (1.0 - load);
  }
}
