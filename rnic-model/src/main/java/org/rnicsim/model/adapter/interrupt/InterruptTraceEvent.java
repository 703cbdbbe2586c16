package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.trace.TraceEvent;

/**
 * What the event queues and interrupt moderation report to the trace; {@code adapter} names the
 * adapter the event queue belongs to.
 */
public sealed interface InterruptTraceEvent extends TraceEvent {

  /** A CQ's arm and moderation were satisfied: the adapter posted an EQE. */
  record CqEventRaised(long timePs, String adapter, int cqId, int eventQueueId, int cqeCount)
      implements InterruptTraceEvent {}

  /** The adapter sent an MSI-X message for an event queue. */
  record MsiXSent(long timePs, String adapter, int eventQueueId) implements InterruptTraceEvent {}

  /** The ISR of an event queue started on its core. */
  record IsrStarted(long timePs, String adapter, int eventQueueId, int core)
      implements InterruptTraceEvent {}

  /** A DPC drained {@code entries} EQEs. */
  record DpcDrained(long timePs, String adapter, int eventQueueId, int entries)
      implements InterruptTraceEvent {}

  /** Adaptive moderation moved a CQ to another profile of its table. */
  record DimProfileChanged(
      long timePs, int cqId, int fromIndex, int toIndex, long periodUs, long maxCount)
      implements InterruptTraceEvent {}
}
