package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.engine.RnicSimulator;

/**
 * Counts the callbacks a setup step waits for, and runs the simulation until all have come back: a
 * job starts measuring on machines that are fully set up.
 */
public final class Await {
  private final RnicSimulator simulator;
  private final String step;
  private int pending;

  public Await(RnicSimulator simulator, String step) {
    this.simulator = simulator;
    this.step = step;
  }

  /**
   * A callback to hand out {@code times} times in all; {@code then} runs after each. It counts one
   * pending callback per expected call.
   */
  public Runnable expect(Runnable then, int times) {
    pending += times;
    return () -> {
      pending--;
      then.run();
    };
  }

  /** Runs the simulation until every expected callback has come back. */
  public void run() {
    simulator.runUntil(() -> pending == 0);
    if (pending != 0) {
      throw new IllegalStateException(
          "setup did not finish " + step + ": " + pending + " command(s) never completed");
    }
  }
}
