package org.rnicsim.model.adapter.firmware;

import org.rnicsim.engine.trace.TraceEvent;

/** What the firmware command queue reports to the trace. */
public sealed interface FirmwareTraceEvent extends TraceEvent {

  record CommandSubmitted(long timePs, long token, FirmwareCommandKind kind)
      implements FirmwareTraceEvent {}

  /**
   * The command was issued to an adapter slot.
   *
   * @param executionPs the drawn execution time, or -1 for a command injected to hang
   */
  record CommandIssued(long timePs, long token, FirmwareCommandKind kind, long executionPs)
      implements FirmwareTraceEvent {}

  record CommandCompleted(
      long timePs, long token, FirmwareCommandKind kind, CommandStatus status, long latencyPs)
      implements FirmwareTraceEvent {}

  /** The adapter reported a command the driver had already timed out. */
  record LateCompletionIgnored(long timePs, long token) implements FirmwareTraceEvent {}

  record SurpriseRemoval(long timePs, int commandsFailed) implements FirmwareTraceEvent {}
}
