package org.rnicsim.engine.trace;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it receives, in order; for tests, lessons and golden traces. */
public final class RecordingSink implements TraceSink {
  private final List<TraceEvent> events = new ArrayList<>();

  @Override
  public void accept(TraceEvent event) {
    events.add(event);
  }

  public List<TraceEvent> events() {
    return List.copyOf(events);
  }

  /** The recorded events of one type, in order. */
  public <E extends TraceEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
