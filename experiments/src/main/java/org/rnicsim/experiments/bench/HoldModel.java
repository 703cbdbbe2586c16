package org.rnicsim.experiments.bench;

/**
 * The classic hold model for event-list benchmarks: N events pending at all times; each, when it
 * runs, reschedules itself after an exponential delay of mean 1 us. One implementation per engine
 * under test; each runs a fixed number of events after its setup and reports how long that took.
 */
interface HoldModel {
  /** Mean hold time: 1 us. */
  double MEAN_HOLD_PS = 1_000_000.0;

  String engineName();

  /**
   * Builds the model with {@code pendingEvents} events, then executes about {@code events} events.
   *
   * @return the measurement of the execution phase only (setup excluded)
   */
  Measurement run(int pendingEvents, long events, long seed);

  /** Events executed and the wall nanoseconds they took. */
  record Measurement(long events, long elapsedNanos) {
    double eventsPerSecond() {
      return events / (elapsedNanos / 1e9);
    }
  }
}
