package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.pcie.DeviceToHostWrites;

/**
 * A stand-in for the PCIe device-to-host direction: every posted write and MSI-X lands a fixed time
 * after it is posted, in posting order, with no bandwidth limit.
 */
public final class FixedLatencyWrites implements DeviceToHostWrites {
  private final RnicSimulator simulator;
  private final long latencyPs;
  private long writes;
  private long msiXMessages;

  public FixedLatencyWrites(RnicSimulator simulator, long latencyPs) {
    this.simulator = simulator;
    this.latencyPs = latencyPs;
  }

  @Override
  public void postWrite(long payloadBytes, Runnable onLanded) {
    writes++;
    simulator.schedule(latencyPs, onLanded);
  }

  @Override
  public void postMsiX(Runnable onDelivered) {
    msiXMessages++;
    simulator.schedule(latencyPs, onDelivered);
  }

  public long writes() {
    return writes;
  }

  public long msiXMessages() {
    return msiXMessages;
  }
}
