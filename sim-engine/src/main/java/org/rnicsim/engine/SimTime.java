package org.rnicsim.engine;

import java.util.Locale;

/**
 * Simulated time is a {@code long} count of picoseconds: a 64 B TLP on PCIe Gen5 x16 takes about 1
 * ns, so nanoseconds would round badly, and 2^63 ps still leaves 106 days of simulated time.
 */
public final class SimTime {
  public static final long PS_PER_NS = 1_000L;
  public static final long PS_PER_US = 1_000_000L;
  public static final long PS_PER_MS = 1_000_000_000L;
  public static final long PS_PER_S = 1_000_000_000_000L;

  private SimTime() {}

  /** Picoseconds as a double count of nanoseconds, for reports. */
  public static double toNs(long ps) {
    return ps / (double) PS_PER_NS;
  }

  /** Picoseconds as a double count of microseconds, for reports. */
  public static double toUs(long ps) {
    return ps / (double) PS_PER_US;
  }

  /** Picoseconds as a double count of seconds, for rates. */
  public static double toSeconds(long ps) {
    return ps / (double) PS_PER_S;
  }

  /** A human-readable duration with the largest unit that keeps the value at or above one. */
  public static String format(long ps) {
    long magnitude = Math.abs(ps);
    if (magnitude < PS_PER_NS) {
      return ps + " ps";
    }
    if (magnitude < PS_PER_US) {
      return String.format(Locale.ROOT, "%.3f ns", toNs(ps));
    }
    if (magnitude < PS_PER_MS) {
      return String.format(Locale.ROOT, "%.3f us", toUs(ps));
    }
    if (magnitude < PS_PER_S) {
      return String.format(Locale.ROOT, "%.3f ms", ps / (double) PS_PER_MS);
    }
    return String.format(Locale.ROOT, "%.3f s", toSeconds(ps));
  }
}
