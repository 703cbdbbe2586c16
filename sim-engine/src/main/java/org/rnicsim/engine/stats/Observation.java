package org.rnicsim.engine.stats;

/**
 * Whether a statistic still records: one that no output of the run reads is stopped (see {@link
 * StatisticsRegistry#observeOnly}), its updates then return at once and reading it is an error.
 */
abstract class Observation {
  /** Read first on every update: a plain field of the statistic itself. */
  boolean dormant;

  /** Records nothing from now on. */
  final void stopObserving() {
    dormant = true;
  }

  final boolean observed() {
    return !dormant;
  }

  /** The statistic's name, for the error that reading a stopped one raises. */
  abstract String name();

  final void requireObserved() {
    if (dormant) {
      throw new IllegalStateException(name() + " is not observed in this run");
    }
  }
}
