package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.SimTime;

/**
 * Host CPU time of taking one interrupt: the ISR (entry, acknowledging the vector, queueing the
 * DPC) and the DPC's entry (scheduling it and reading the EQ). The handlers the DPC calls cost
 * their own time, which their owner submits to the same core.
 *
 * @param isrCostPs CPU time of the ISR
 * @param dpcCostPs CPU time of the DPC, not counting the handlers it calls
 */
public record InterruptCosts(long isrCostPs, long dpcCostPs) {
  public InterruptCosts {
    if (isrCostPs < 0 || dpcCostPs < 0) {
      throw new IllegalArgumentException(
          "ISR and DPC costs must be >= 0, were " + isrCostPs + " and " + dpcCostPs + " ps");
    }
  }

  /**
   * Assumption (calibration I5): no clean published MSI-X-to-handler figure exists; taking an
   * interrupt and switching to the right thread costs on the order of 1 us, and 1-2 us covers ISR +
   * DPC entry. Split as 1 us ISR + 0.5 us DPC, the middle of that range.
   */
  public static InterruptCosts assumedDefault() {
    return new InterruptCosts(SimTime.PS_PER_US, SimTime.PS_PER_US / 2);
  }
}
