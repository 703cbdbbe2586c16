package org.rnicsim.ndk.provider.runtime;

import java.util.Objects;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;

/**
 * The rnic-model pieces of a host the provider drives, as numbers: host cores, interrupt costs and
 * the firmware command queue. EQEs and MSI-X messages travel the adapter's modelled PCIe link, and
 * command completions run on core 0 (the adapter node's event queue 0).
 *
 * @param coreCount host cores; CQ event queues are spread over them
 * @param interruptCosts ISR and DPC entry cost
 * @param firmware per-command latencies, slots and timeout
 */
public record HardwareConfig(
    int coreCount, InterruptCosts interruptCosts, FirmwareConfig firmware) {

  /** Checks the numbers. */
  public HardwareConfig {
    if (coreCount < 1) {
      throw new IllegalArgumentException("a host needs at least one core");
    }
    Objects.requireNonNull(interruptCosts, "interruptCosts");
    Objects.requireNonNull(firmware, "firmware");
  }

  /**
   * Assumptions: 4 host cores, rnic-model's assumed interrupt costs (1 us ISR + 0.5 us DPC entry)
   * and firmware latencies.
   */
  public static HardwareConfig assumedDefaults() {
    return new HardwareConfig(4, InterruptCosts.assumedDefault(), FirmwareConfig.assumedDefaults());
  }

  /** The same with another firmware configuration. */
  public HardwareConfig withFirmware(FirmwareConfig newFirmware) {
    return new HardwareConfig(coreCount, interruptCosts, newFirmware);
  }

  /** The same with another core count. */
  public HardwareConfig withCoreCount(int cores) {
    return new HardwareConfig(cores, interruptCosts, firmware);
  }
}
