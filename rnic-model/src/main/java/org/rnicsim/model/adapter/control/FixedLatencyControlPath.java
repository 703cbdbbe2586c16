package org.rnicsim.model.adapter.control;

import java.util.function.Consumer;
import org.rnicsim.engine.RnicSimulator;

/**
 * The stand-in control path: every command finishes {@code latencyPs} after it was issued, in
 * parallel with any others. Assumption: real firmware queues commands and their latencies differ by
 * kind; the firmware command queue models that and replaces this class.
 */
public final class FixedLatencyControlPath implements ControlPath {
  private final RnicSimulator simulator;
  private final long latencyPs;

  public FixedLatencyControlPath(RnicSimulator simulator, long latencyPs) {
    if (latencyPs < 0) {
      throw new IllegalArgumentException("control latency must be >= 0 ps: " + latencyPs);
    }
    this.simulator = simulator;
    this.latencyPs = latencyPs;
  }

  @Override
  public void execute(ControlCommand command, Runnable onDone, Consumer<String> onFailed) {
    simulator.schedule(latencyPs, onDone);
  }
}
