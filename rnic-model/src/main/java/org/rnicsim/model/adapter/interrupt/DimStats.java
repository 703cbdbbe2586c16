package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.SimTime;

/**
 * What one DIM measurement window saw, as Linux DIM measures it: rates per millisecond rounded up,
 * and completions per event in percent.
 */
record DimStats(long completionsPerMs, long eventsPerMs, long completionsPerEventPercent) {
  static final DimStats NONE = new DimStats(0, 0, 0);

  static DimStats measured(long completions, long events, long spanPs) {
    long cpms = ceilDiv(completions * SimTime.PS_PER_MS, spanPs);
    long epms = ceilDiv(events * SimTime.PS_PER_MS, spanPs);
    return new DimStats(cpms, epms, epms == 0 ? 0 : cpms * 100 / epms);
  }

  /** For tests and hand-worked walks: the ratio follows from the two rates. */
  static DimStats of(long completionsPerMs, long eventsPerMs) {
    return new DimStats(
        completionsPerMs, eventsPerMs, eventsPerMs == 0 ? 0 : completionsPerMs * 100 / eventsPerMs);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
