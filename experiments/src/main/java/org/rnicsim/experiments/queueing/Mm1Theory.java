package org.rnicsim.experiments.queueing;

/** Closed-form M/G/1 results, the yardstick the simulation is drawn against. */
public final class Mm1Theory {
  private Mm1Theory() {}

  /**
   * Mean time in queue before service, Wq = rho / (mu - lambda), which with mu = 1 / meanService is
   * rho * meanService / (1 - rho).
   */
  public static double meanWaitPs(double load, double meanServicePs) {
    return load * meanServicePs / (1.0 - load);
  }

  /**
   * Pollaczek-Khinchine mean time in queue of an M/G/1 station, Wq = rho * E[S] * (1 + Cs^2) / (2 *
   * (1 - rho)), where Cs^2 is the service time's squared coefficient of variation: the M/M/1 value
   * for exponential service (Cs^2 = 1), half of it for deterministic service (Cs^2 = 0).
   */
  public static double meanWaitPs(double load, double meanServicePs, ServiceDistribution service) {
    if (service == ServiceDistribution.EXPONENTIAL) {
      return meanWaitPs(load, meanServicePs);
    }
    double cs2 = service.squaredCoefficientOfVariation();
    return load * meanServicePs * (1.0 + cs2) / (2.0 * (1.0 - load));
  }
}
