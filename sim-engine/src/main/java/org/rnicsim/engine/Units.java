package org.rnicsim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parser for every quantity a config speaks in: durations to picoseconds, sizes to bytes, link
 * rates to bits per second and signalling rates to transfers per second. A bare number without a
 * unit is refused, because "100" could mean anything; every message quotes the offending text.
 */
public final class Units {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z/]+)\\s*");

  private static final Map<String, Long> DURATION_PS =
      Map.of(
          "ps", 1L,
          "ns", SimTime.PS_PER_NS,
          "us", SimTime.PS_PER_US,
          "µs", SimTime.PS_PER_US,
          "ms", SimTime.PS_PER_MS,
          "s", SimTime.PS_PER_S);

  private static final Map<String, Long> SIZE_BYTES =
      Map.ofEntries(
          Map.entry("B", 1L),
          Map.entry("KB", 1_000L),
          Map.entry("MB", 1_000_000L),
          Map.entry("GB", 1_000_000_000L),
          Map.entry("TB", 1_000_000_000_000L),
          Map.entry("KiB", 1L << 10),
          Map.entry("MiB", 1L << 20),
          Map.entry("GiB", 1L << 30),
          Map.entry("TiB", 1L << 40));

  // Rates are decimal by convention (100 Gb/s Ethernet is 100e9 bit/s).
  private static final Map<String, Long> RATE_BITS_PER_SECOND =
      Map.ofEntries(
          Map.entry("bps", 1L),
          Map.entry("Kbps", 1_000L),
          Map.entry("Mbps", 1_000_000L),
          Map.entry("Gbps", 1_000_000_000L),
          Map.entry("Tbps", 1_000_000_000_000L),
          Map.entry("b/s", 1L),
          Map.entry("Kb/s", 1_000L),
          Map.entry("Mb/s", 1_000_000L),
          Map.entry("Gb/s", 1_000_000_000L),
          Map.entry("Tb/s", 1_000_000_000_000L),
          Map.entry("B/s", 8L),
          Map.entry("KB/s", 8_000L),
          Map.entry("MB/s", 8_000_000L),
          Map.entry("GB/s", 8_000_000_000L));

  private static final Map<String, Long> TRANSFERS_PER_SECOND =
      Map.of("T/s", 1L, "MT/s", 1_000_000L, "GT/s", 1_000_000_000L);

  private Units() {}

  /** A duration such as {@code "550ns"}, {@code "1.5us"} or {@code "0s"}, in picoseconds. */
  public static long parseDurationPs(String text) {
    return parse(text, DURATION_PS, "duration", "ps, ns, us, ms, s");
  }

  /** A size such as {@code "4KiB"} or {@code "64B"}, in bytes; must be a whole number of bytes. */
  public static long parseBytes(String text) {
    return parse(text, SIZE_BYTES, "size", "B, KB, MB, GB, KiB, MiB, GiB");
  }

  /** A link rate such as {@code "100Gbps"} or {@code "25 Gb/s"}, in bits per second. */
  public static long parseBitsPerSecond(String text) {
    return parse(text, RATE_BITS_PER_SECOND, "rate", "bps, Kbps, Mbps, Gbps, Tbps, Gb/s, GB/s");
  }

  /** A signalling rate such as {@code "8 GT/s"}, in transfers per second. */
  public static long parseTransfersPerSecond(String text) {
    return parse(text, TRANSFERS_PER_SECOND, "signalling rate", "T/s, MT/s, GT/s");
  }

  private static long parse(String text, Map<String, Long> units, String kind, String known) {
    if (text == null) {
      throw new UnitsException(
          "missing " + kind + ": expected a number with a unit (" + known + ")");
    }
    Matcher matcher = QUANTITY.matcher(text);
    if (!matcher.matches()) {
      throw new UnitsException(
          "cannot read \""
              + text
              + "\" as a "
              + kind
              + ": expected a number and a unit ("
              + known
              + ")");
    }
    String unit = matcher.group(2);
    Long scale = units.get(unit);
    if (scale == null) {
      scale = caseInsensitive(units, unit);
    }
    if (scale == null) {
      throw new UnitsException(
          "unknown unit \"" + unit + "\" in " + kind + " \"" + text + "\" (known: " + known + ")");
    }
    BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(scale));
    if (value.signum() < 0) {
      throw new UnitsException("negative " + kind + " \"" + text + "\" is not allowed");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new UnitsException(
          kind
              + " \""
              + text
              + "\" is not a whole number of "
              + baseUnit(units)
              + " ("
              + value.toPlainString()
              + ")");
    }
    try {
      return value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException overflow) {
      throw new UnitsException(kind + " \"" + text + "\" is too large");
    }
  }

  /** Size and rate units are case-sensitive (Mb vs MB); durations are not ("1US" is clear). */
  private static Long caseInsensitive(Map<String, Long> units, String unit) {
    if (units != DURATION_PS) {
      return null;
    }
    return units.get(unit.toLowerCase(Locale.ROOT));
  }

  private static String baseUnit(Map<String, Long> units) {
    if (units == DURATION_PS) {
      return "picoseconds";
    }
    if (units == SIZE_BYTES) {
      return "bytes";
    }
    return "base units";
  }
}
