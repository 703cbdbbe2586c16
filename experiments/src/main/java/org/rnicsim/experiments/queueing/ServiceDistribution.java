package org.rnicsim.experiments.queueing;

import java.util.Locale;
import org.rnicsim.engine.random.SimRandom;

/**
 * How the station's service times are drawn around their mean: the second letter of Kendall's
 * notation (M/M/1 or M/D/1). Only the squared coefficient of variation reaches the mean wait, by
 * the Pollaczek-Khinchine formula.
 */
public enum ServiceDistribution {
  /** Exponential service, M/M/1: squared coefficient of variation 1. */
  EXPONENTIAL("M", 1.0),
  /** Every customer takes exactly the mean, M/D/1: squared coefficient of variation 0. */
  DETERMINISTIC("D", 0.0);

  private final String kendallLetter;
  private final double squaredCoefficientOfVariation;

  ServiceDistribution(String kendallLetter, double squaredCoefficientOfVariation) {
    this.kendallLetter = kendallLetter;
    this.squaredCoefficientOfVariation = squaredCoefficientOfVariation;
  }

  /** The name a study file writes: {@code exponential} or {@code deterministic}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The queue in Kendall's notation: M/M/1 or M/D/1. */
  public String kendall() {
    return "M/" + kendallLetter + "/1";
  }

  double squaredCoefficientOfVariation() {
    return squaredCoefficientOfVariation;
  }

  /** One service time; the deterministic case draws nothing, so it leaves the stream untouched. */
  long drawPs(SimRandom services, long meanServicePs) {
    return this == EXPONENTIAL ? services.exponentialPs(meanServicePs) : meanServicePs;
  }

  /** The value named by a study file, or null when it names none of them. */
  static ServiceDistribution fromFileName(String name) {
    for (ServiceDistribution d : values()) {
      if (d.fileName().equals(name)) {
        return d;
      }
    }
    return null;
  }
}
