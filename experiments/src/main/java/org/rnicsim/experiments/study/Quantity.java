package org.rnicsim.experiments.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.engine.Units;

/**
 * The kinds of quantity a config value can carry a unit for, each counted in an exact integer base
 * unit: durations in picoseconds, sizes in bytes, rates in bits per second. Sweep ranges step in
 * the base unit; charts scale it to a readable unit.
 */
public enum Quantity {
  DURATION("duration", Units::parseDurationPs, new String[] {"ps", "ns", "us", "ms", "s"}),
  SIZE("size", Units::parseBytes, new String[] {"B", "KiB", "MiB", "GiB", "TiB"}),
  RATE("rate", Units::parseBitsPerSecond, new String[] {"bps", "Kbps", "Mbps", "Gbps", "Tbps"}),
  OPERATION_RATE(
      "operation rate",
      OperationRates::parsePerSecond,
      new String[] {"ops/s", "Kops/s", "Mops/s", "Gops/s"});

  private static final Pattern UNIT = Pattern.compile("\\s*[0-9.eE+-]*\\s*([A-Za-zµ/]+)\\s*");

  private final String noun;
  private final ToLongFunction<String> parser;
  private final String[] displayUnits;

  Quantity(String noun, ToLongFunction<String> parser, String[] displayUnits) {
    this.noun = noun;
    this.parser = parser;
    this.displayUnits = displayUnits;
  }

  /** "duration", "size" or "rate", for messages. */
  public String noun() {
    return noun;
  }

  /** The value of {@code text} in base units; throws IllegalArgumentException when unreadable. */
  public long parse(String text) {
    return parser.applyAsLong(text);
  }

  /** The kind {@code text} is a quantity of, or null when it is none. */
  public static Quantity of(String text) {
    for (Quantity kind : values()) {
      try {
        kind.parse(text);
        return kind;
      } catch (IllegalArgumentException e) {
        // Not this kind; try the next.
      }
    }
    return null;
  }

  /** The unit written in {@code text} ({@code "us"} in {@code "1.5us"}), or null. */
  static String unitOf(String text) {
    Matcher matcher = UNIT.matcher(text);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /**
   * {@code baseValue} in the largest unit that writes it exactly with at most three decimals
   * ({@code 1500000ps} is {@code 1.5us}, {@code 1000ns} is {@code 1us}), else in {@code unit} or
   * the base unit; the text always parses back to {@code baseValue}.
   */
  public String format(long baseValue, String unit) {
    for (int i = displayUnits.length - 1; i >= 0; i--) {
      String text = exactly(baseValue, displayUnits[i], 3, i == 0);
      if (text != null) {
        return text;
      }
    }
    String text = unit == null ? null : exactly(baseValue, unit, Integer.MAX_VALUE, true);
    return text != null ? text : baseValue + displayUnits[0];
  }

  private String exactly(long baseValue, String unit, int maxDecimals, boolean belowOne) {
    try {
      long scale = parse("1" + unit);
      BigDecimal value =
          BigDecimal.valueOf(baseValue)
              .divide(BigDecimal.valueOf(scale), MathContext.DECIMAL128)
              .stripTrailingZeros();
      boolean readable = belowOne || value.compareTo(BigDecimal.ONE) >= 0;
      if (readable
          && value.scale() <= maxDecimals
          && parse(value.toPlainString() + unit) == baseValue) {
        return value.toPlainString() + unit;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Not exact in this unit.
    }
    return null;
  }

  /** The largest display unit in which {@code maxBaseValue} is at least one, and its size. */
  public DisplayUnit displayUnitFor(double maxBaseValue) {
    String best = displayUnits[0];
    double bestScale = 1;
    for (String unit : displayUnits) {
      double scale = parse("1" + unit);
      if (maxBaseValue >= scale) {
        best = unit;
        bestScale = scale;
      }
    }
    return new DisplayUnit(best, bestScale);
  }

  /** A unit to show values in, and how many base units it holds. */
  public record DisplayUnit(String name, double baseUnits) {}
}
