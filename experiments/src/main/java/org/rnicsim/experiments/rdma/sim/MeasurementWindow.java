package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * When an iteration-counted job measures: every statistic restarts once the last client has
 * finished its warm-up iterations, and the measurement ends when the last client has finished all
 * of its iterations. Clients record their own samples from the end of their own warm-up.
 */
final class MeasurementWindow {
  /** A loop that has not finished by then is stuck (RNR retries forever, a lost completion). */
  static final long SIMULATED_LIMIT_PS = 60L * 1_000_000_000_000L;

  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final int clients;
  private int warmedUp;
  private int finished;
  private long startPs = -1;
  private long endPs = -1;

  MeasurementWindow(RnicSimulator simulator, StatisticsRegistry stats, int clients) {
    this.simulator = simulator;
    this.stats = stats;
    this.clients = clients;
  }

  /** One client has finished its warm-up. */
  void warmedUp() {
    if (++warmedUp == clients) {
      stats.resetAll();
      startPs = simulator.nowPs();
    }
  }

  /** One client has finished all its iterations. */
  void finished() {
    if (++finished == clients) {
      endPs = simulator.nowPs();
    }
  }

  boolean isOver() {
    return endPs >= 0;
  }

  /** Runs the simulation until every client has finished. */
  void run(String what) {
    long limitPs = simulator.nowPs() + SIMULATED_LIMIT_PS;
    simulator.runUntil(() -> endPs >= 0 || simulator.nowPs() > limitPs);
    if (endPs < 0) {
      throw new IllegalStateException(
          what
              + " did not finish within 60 s of simulated time ("
              + finished
              + " of "
              + clients
              + " clients done)");
    }
  }

  long startPs() {
    return startPs;
  }

  long measuredPs() {
    return endPs - startPs;
  }
}
