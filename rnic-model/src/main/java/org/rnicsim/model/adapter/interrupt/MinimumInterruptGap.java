package org.rnicsim.model.adapter.interrupt;

/**
 * Intel e1000e-style interrupt throttling (calibration I3): an event queue sends no MSI-X message
 * sooner than this gap after its previous one; a message due earlier waits. The gap is a register
 * value in units of 256 ns.
 *
 * @param units256ns the register value; 0 = no throttling
 */
public record MinimumInterruptGap(long units256ns) {
  /** Calibration I3: the register counts in 256 ns. */
  public static final long UNIT_PS = 256_000L;

  public static final MinimumInterruptGap NONE = new MinimumInterruptGap(0);

  public MinimumInterruptGap {
    if (units256ns < 0 || units256ns > 0xFFFF) {
      throw new IllegalArgumentException(
          "the interrupt gap register holds 0..65535 units of 256 ns, was " + units256ns);
    }
  }

  /**
   * The register value a driver writes for a cap of {@code interruptsPerSecond}: 10^9 / (rate x
   * 256), rounded down as integer division does, so the cap lands slightly above the rate asked.
   */
  public static MinimumInterruptGap forInterruptsPerSecond(long interruptsPerSecond) {
    if (interruptsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "interrupt rate must be > 0 per second, was " + interruptsPerSecond);
    }
    return new MinimumInterruptGap(1_000_000_000L / (interruptsPerSecond * 256));
  }

  /** The gap for one of the e1000e traffic classes. */
  public static MinimumInterruptGap forClass(ThrottleClass throttleClass) {
    return forInterruptsPerSecond(throttleClass.interruptsPerSecond());
  }

  public long gapPs() {
    return units256ns * UNIT_PS;
  }

  /** Calibration I3: the traffic classes e1000e's adaptive throttling picks between. */
  public enum ThrottleClass {
    LOWEST_LATENCY(70_000),
    LOW_LATENCY(20_000),
    BULK_LATENCY(4_000);

    private final long interruptsPerSecond;

    ThrottleClass(long interruptsPerSecond) {
      this.interruptsPerSecond = interruptsPerSecond;
    }

    public long interruptsPerSecond() {
      return interruptsPerSecond;
    }
  }
}
