package org.rnicsim.ndk.provider.runtime;

import java.util.Objects;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.ReferenceProfiles;

/**
 * The rnic-model pieces of a host the provider drives, as numbers: host cores, interrupt costs, the
 * connection manager's CPU time per MAD and the firmware command queue. EQEs and MSI-X messages
 * travel the adapter's modelled PCIe link, and command completions run on core 0 (the adapter
 * node's event queue 0).
 *
 * @param coreCount host cores; CQ event queues are spread over them
 * @param interruptCosts ISR and DPC entry cost
 * @param firmware per-command latencies, slots and timeout
 * @param cmMadCostPs host CPU time of the connection manager per MAD: handling a received one after
 *     its DPC entry, or building and posting one before its doorbell
 */
public record HardwareConfig(
    int coreCount, InterruptCosts interruptCosts, FirmwareConfig firmware, long cmMadCostPs) {

  /**
   * Assumption: no published per-MAD CPU figure for the IB CM was found (librdmacm's cmtime times
   * whole connection steps, not the CM's share of them). The kernel path per CM MAD (ib_mad
   * dispatch, the ib_cm state machine, its allocations and, for a send, building the MAD and
   * posting it to QP1) is taken as 2 us, a round value a few times one ISR (calibration I5).
   */
  public static final long ASSUMED_CM_MAD_COST_PS = 2 * SimTime.PS_PER_US;

  /** Checks the numbers. */
  public HardwareConfig {
    if (coreCount < 1) {
      throw new IllegalArgumentException("a host needs at least one core");
    }
    Objects.requireNonNull(interruptCosts, "interruptCosts");
    Objects.requireNonNull(firmware, "firmware");
    if (cmMadCostPs < 0) {
      throw new IllegalArgumentException("negative CM MAD cost " + cmMadCostPs + " ps");
    }
  }

  /**
   * The host and adapter of {@code profile}: its cores and firmware command times, with
   * rnic-model's assumed interrupt costs (1 us ISR + 0.5 us DPC entry) and {@link
   * #ASSUMED_CM_MAD_COST_PS} per CM MAD.
   */
  public static HardwareConfig of(HardwareProfile profile) {
    return new HardwareConfig(
        profile.host().cpuCores(),
        InterruptCosts.assumedDefault(),
        profile.firmware().config(),
        ASSUMED_CM_MAD_COST_PS);
  }

  /** {@link #of} the reference ConnectX-4 profile, configs/profiles/connectx4-edr-gen3x16.yaml. */
  public static HardwareConfig assumedDefaults() {
    return of(ReferenceProfiles.connectX4EdrGen3x16());
  }

  /** The same with other interrupt costs. */
  public HardwareConfig withInterruptCosts(InterruptCosts costs) {
    return new HardwareConfig(coreCount, costs, firmware, cmMadCostPs);
  }

  /** The same with another firmware configuration. */
  public HardwareConfig withFirmware(FirmwareConfig newFirmware) {
    return new HardwareConfig(coreCount, interruptCosts, newFirmware, cmMadCostPs);
  }

  /** The same with another core count. */
  public HardwareConfig withCoreCount(int cores) {
    return new HardwareConfig(cores, interruptCosts, firmware, cmMadCostPs);
  }

  /** The same with another CPU time per CM MAD. */
  public HardwareConfig withCmMadCostPs(long costPs) {
    return new HardwareConfig(coreCount, interruptCosts, firmware, costPs);
  }
}
