package org.rnicsim.experiments.calibrate;

import java.util.Locale;

/**
 * A figure with what the model gave.
 *
 * @param figure the figure as listed
 * @param profile the hardware profile its study runs on
 * @param model the model's value, in the figure's unit
 */
public record FigureResult(CalibrationFigure figure, String profile, double model) {

  /** (model - published) / published. */
  public double error() {
    return (model - figure.published()) / figure.published();
  }

  public boolean passes() {
    if ("at-least".equals(figure.bound())) {
      return model >= figure.published();
    }
    if ("at-most".equals(figure.bound())) {
      return model <= figure.published();
    }
    return Math.abs(error()) <= figure.tolerance();
  }

  /** The tolerance as a reader says it: "10 %", "0.5 %", or the bound. */
  public String toleranceText() {
    if (figure.bound() != null) {
      return figure.bound();
    }
    return String.format(Locale.ROOT, "%s %%", number(figure.tolerance() * 100));
  }

  /** Five significant digits, no exponent: 57.885, 545.93, 0.82475. */
  static String number(double value) {
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(5))
        .stripTrailingZeros()
        .toPlainString();
  }
}
