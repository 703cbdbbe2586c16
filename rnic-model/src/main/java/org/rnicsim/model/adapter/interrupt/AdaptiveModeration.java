package org.rnicsim.model.adapter.interrupt;

/**
 * The measuring half of Linux DIM for one CQ: counts events and the completions they report, and
 * after every {@link #EVENTS_PER_WINDOW} events lets the {@link DimTuner} decide on the window's
 * rates. After a change, the next event starts a fresh window, as Linux restarts measuring once the
 * new profile is applied.
 *
 * <p>Assumption: Linux applies a new profile through a work item and a firmware command (modify
 * CQ); here it applies at the moment of the decision.
 */
final class AdaptiveModeration {
  /** Linux DIM_NEVENTS: events per measurement window. */
  static final int EVENTS_PER_WINDOW = 64;

  private final DimProfileTable table;
  private final DimTuner tuner;
  private boolean measuring;
  private long windowStartPs;
  private long events;
  private long completions;
  private long windowStartEvents;
  private long windowStartCompletions;

  AdaptiveModeration(DimProfileTable table) {
    this.table = table;
    this.tuner = new DimTuner(table);
  }

  DimProfileTable table() {
    return table;
  }

  int profileIndex() {
    return tuner.index();
  }

  /** One event reported {@code cqeCount} completions; true when the profile index moved. */
  boolean onEvent(long nowPs, int cqeCount) {
    events++;
    completions += cqeCount;
    if (!measuring) {
      startWindow(nowPs);
      return false;
    }
    long spanPs = nowPs - windowStartPs;
    if (events - windowStartEvents < EVENTS_PER_WINDOW || spanPs <= 0) {
      return false;
    }
    DimStats stats =
        DimStats.measured(completions - windowStartCompletions, events - windowStartEvents, spanPs);
    if (tuner.decide(stats)) {
      measuring = false;
      return true;
    }
    startWindow(nowPs);
    return false;
  }

  private void startWindow(long nowPs) {
    measuring = true;
    windowStartPs = nowPs;
    windowStartEvents = events;
    windowStartCompletions = completions;
  }
}
