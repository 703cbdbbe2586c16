package org.rnicsim.experiments.study;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operation rates such as {@code "250Kops/s"} or {@code "2Mops/s"}: how often an open-loop client
 * issues work. A bare number is refused, as every quantity with a unit is; the value must be a
 * whole number of operations per second.
 */
public final class OperationRates {
  private static final Pattern RATE =
      Pattern.compile(
          "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z/]+)\\s*");

  private static final Map<String, Long> PER_SECOND =
      Map.of(
          "ops/s", 1L,
          "Kops/s", 1_000L,
          "Mops/s", 1_000_000L,
          "Gops/s", 1_000_000_000L);

  private OperationRates() {}

  /** Operations per second written in {@code text}; IllegalArgumentException when unreadable. */
  public static long parsePerSecond(String text) {
    Matcher matcher = RATE.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not an operation rate such as 250Kops/s (units: ops/s, Kops/s,"
              + " Mops/s, Gops/s)");
    }
    Long scale = PER_SECOND.get(matcher.group(2));
    if (scale == null) {
      throw new IllegalArgumentException(
          "unknown unit \""
              + matcher.group(2)
              + "\" in operation rate \""
              + text
              + "\" (known: ops/s, Kops/s, Mops/s, Gops/s)");
    }
    BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(scale));
    try {
      return value.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "operation rate \"" + text + "\" is not a whole number of operations per second");
    }
  }
}
