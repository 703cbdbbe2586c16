package org.rnicsim.engine.trace;

/**
 * Something that happened at a simulated time. Each module declares its own sealed family of
 * records under this interface (the engine's is {@link EngineTraceEvent}).
 */
public interface TraceEvent {
  long timePs();
}
