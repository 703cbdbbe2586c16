package org.rnicsim.engine.trace;

import java.util.Arrays;

/**
 * The trace of one simulation: a list of sinks. Emitting sites write {@code if (trace.isOn())
 * trace.emit(new SomeEvent(...))}, so with no sink the cost is one field read and no allocation.
 */
public final class Trace {
  private static final TraceSink[] NONE = new TraceSink[0];
  private TraceSink[] sinks = NONE;

  public boolean isOn() {
    return sinks.length != 0;
  }

  public void addSink(TraceSink sink) {
    sinks = Arrays.copyOf(sinks, sinks.length + 1);
    sinks[sinks.length - 1] = sink;
  }

  public void removeSink(TraceSink sink) {
    sinks = Arrays.stream(sinks).filter(s -> s != sink).toArray(TraceSink[]::new);
  }

  public void emit(TraceEvent event) {
    for (TraceSink sink : sinks) {
      sink.accept(event);
    }
  }
}
