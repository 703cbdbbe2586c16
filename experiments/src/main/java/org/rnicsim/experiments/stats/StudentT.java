package org.rnicsim.experiments.stats;

/**
 * Student's t distribution, enough of it for confidence intervals: the CDF through the regularized
 * incomplete beta function and the quantile by bisection. Bisection is slow by numerical standards
 * but exact to double precision and free of starting-point trouble at one degree of freedom, and it
 * runs a handful of times per study.
 */
public final class StudentT {

  private StudentT() {}

  /**
   * The {@code p}-quantile of t with {@code degreesOfFreedom} degrees of freedom, for 0.5 <= p < 1.
   */
  public static double quantile(double p, int degreesOfFreedom) {
    if (!(p >= 0.5 && p < 1.0)) {
      throw new IllegalArgumentException("quantile p must be in [0.5, 1), got " + p);
    }
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException(
          "degrees of freedom must be >= 1, got " + degreesOfFreedom);
    }
    double low = 0.0;
    double high = 1.0;
    while (cdf(high, degreesOfFreedom) < p) {
      low = high;
      high *= 2.0;
    }
    for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
      double middle = 0.5 * (low + high);
      if (cdf(middle, degreesOfFreedom) < p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return 0.5 * (low + high);
  }

  /** P(T <= t) for t with {@code degreesOfFreedom} degrees of freedom. */
  public static double cdf(double t, int degreesOfFreedom) {
    double nu = degreesOfFreedom;
    double x = nu / (nu + t * t);
    double tail = 0.5 * regularizedIncompleteBeta(x, nu / 2.0, 0.5);
    return t >= 0 ? 1.0 - tail : tail;
  }

  /** I_x(a, b), by the continued fraction on whichever side of the mean converges fast. */
  static double regularizedIncompleteBeta(double x, double a, double b) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double logFront =
        logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1.0) / (a + b + 2.0)) {
      return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
    }
    return 1.0 - Math.exp(logFront) * betaContinuedFraction(1.0 - x, b, a) / b;
  }

  /**
   * The continued fraction of the incomplete beta function, evaluated with the modified Lentz
   * method.
   */
  private static double betaContinuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (Math.abs(d) < tiny ? tiny : d);
    double result = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double evenTerm = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
      d = 1.0 + evenTerm * d;
      d = 1.0 / (Math.abs(d) < tiny ? tiny : d);
      c = 1.0 + evenTerm / c;
      c = Math.abs(c) < tiny ? tiny : c;
      result *= d * c;
      double oddTerm = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
      d = 1.0 + oddTerm * d;
      d = 1.0 / (Math.abs(d) < tiny ? tiny : d);
      c = 1.0 + oddTerm / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double step = d * c;
      result *= step;
      if (Math.abs(step - 1.0) < 1e-15) {
        break;
      }
    }
    return result;
  }

  /**
   * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine terms), good to about 15 digits.
   */
  static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection keeps the series in the range where it is accurate.
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1.0 - x);
    }
    double[] coefficients = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double z = x - 1.0;
    double sum = coefficients[0];
    for (int i = 1; i < coefficients.length; i++) {
      sum += coefficients[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2.0 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
