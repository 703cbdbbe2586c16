package org.rnicsim.ndk.provider.runtime;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.pcie.DeviceToHostWrites;

/**
 * The adapter's posted writes towards the host (EQEs, MSI-X) with a fixed latency, in order, with
 * no bandwidth limit: a stand-in until the datapath's PCIe link (branch model-datapath) lands on
 * main, when {@link AdapterHardware} takes that link instead. Assumption: 500 ns by default, the
 * order of one PCIe posted write plus the root complex.
 */
public final class FixedLatencyHostWrites implements DeviceToHostWrites {
  private final RnicSimulator simulator;
  private final long latencyPs;

  /**
   * @param latencyPs from posting a write to it being visible in host memory
   */
  public FixedLatencyHostWrites(RnicSimulator simulator, long latencyPs) {
    if (latencyPs < 0) {
      throw new IllegalArgumentException("host write latency must be >= 0 ps, was " + latencyPs);
    }
    this.simulator = simulator;
    this.latencyPs = latencyPs;
  }

  @Override
  public void postWrite(long payloadBytes, Runnable onLanded) {
    simulator.schedule(latencyPs, onLanded);
  }

  @Override
  public void postMsiX(Runnable onDelivered) {
    simulator.schedule(latencyPs, onDelivered);
  }
}
