package org.rnicsim.ndk.provider.runtime;

import java.util.Objects;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;

/**
 * The rnic-model pieces the provider drives, as numbers: host cores, the device-to-host write
 * latency, interrupt costs, the firmware command queue, and the core of the command event queue.
 *
 * @param coreCount host cores; CQ event queues are spread over them
 * @param hostWriteLatencyPs latency of an EQE or MSI-X write (see {@link FixedLatencyHostWrites})
 * @param interruptCosts ISR and DPC entry cost
 * @param firmware per-command latencies, slots and timeout
 * @param commandEventQueueCore the core whose DPC delivers firmware command completions
 */
public record HardwareConfig(
    int coreCount,
    long hostWriteLatencyPs,
    InterruptCosts interruptCosts,
    FirmwareConfig firmware,
    int commandEventQueueCore) {

  /** Checks the numbers. */
  public HardwareConfig {
    if (coreCount < 1) {
      throw new IllegalArgumentException("a host needs at least one core");
    }
    if (hostWriteLatencyPs < 0) {
      throw new IllegalArgumentException("hostWriteLatencyPs must be >= 0");
    }
    Objects.requireNonNull(interruptCosts, "interruptCosts");
    Objects.requireNonNull(firmware, "firmware");
    if (commandEventQueueCore < 0) {
      throw new IllegalArgumentException("commandEventQueueCore must be >= 0");
    }
  }

  /**
   * Assumptions: 4 host cores, 500 ns per posted write, rnic-model's assumed interrupt costs (1 us
   * ISR + 0.5 us DPC entry) and firmware latencies, command completions on core 0.
   */
  public static HardwareConfig assumedDefaults() {
    return new HardwareConfig(
        4,
        500 * SimTime.PS_PER_NS,
        InterruptCosts.assumedDefault(),
        FirmwareConfig.assumedDefaults(),
        0);
  }

  /** The same with another firmware configuration. */
  public HardwareConfig withFirmware(FirmwareConfig newFirmware) {
    return new HardwareConfig(
        coreCount, hostWriteLatencyPs, interruptCosts, newFirmware, commandEventQueueCore);
  }

  /** The same with another core count. */
  public HardwareConfig withCoreCount(int cores) {
    return new HardwareConfig(
        cores, hostWriteLatencyPs, interruptCosts, firmware, commandEventQueueCore);
  }
}
