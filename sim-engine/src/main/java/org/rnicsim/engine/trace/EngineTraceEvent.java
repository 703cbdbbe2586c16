package org.rnicsim.engine.trace;

/** What the engine's own primitives report. */
public sealed interface EngineTraceEvent extends TraceEvent {

  /** A job joined a queue; {@code inSystem} counts it. */
  record QueueArrival(long timePs, String queue, Object job, int inSystem)
      implements EngineTraceEvent {}

  /** A job left a queue after waiting {@code waitPs} and being served. */
  record QueueDeparture(long timePs, String queue, Object job, long waitPs, long sojournPs)
      implements EngineTraceEvent {}

  /** A job was refused because the queue was full. */
  record QueueDrop(long timePs, String queue, Object job, int capacity)
      implements EngineTraceEvent {}

  /** Statistics were reset: warm-up ended. */
  record StatisticsReset(long timePs) implements EngineTraceEvent {}
}
