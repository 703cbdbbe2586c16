package org.rnicsim.engine.trace;

/** Receives trace events in simulated-time order. */
@FunctionalInterface
public interface TraceSink {
  void accept(TraceEvent event);
}
