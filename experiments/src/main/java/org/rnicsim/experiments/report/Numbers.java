package org.rnicsim.experiments.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How result numbers are written: seven significant digits in plain notation ({@code 50000000},
 * {@code 103.9462}), never {@code 5.0E7} and never the tail of a binary fraction, independent of
 * the machine's locale.
 */
final class Numbers {
  private static final MathContext SIGNIFICANT = new MathContext(7, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** {@code value} rounded for JSON, or null for NaN (no value). */
  static BigDecimal json(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT);
    return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
  }

  /** {@code value} rounded for a table cell, or empty for NaN. */
  static String text(double value) {
    BigDecimal rounded = json(value);
    return rounded == null ? "" : rounded.toPlainString();
  }
}
