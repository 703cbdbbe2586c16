package org.rnicsim.model.adapter.firmware;

import org.rnicsim.engine.trace.TraceEvent;

/**
 * What the firmware command queue reports to the trace; {@code adapter} names the adapter whose
 * queue it is, so a two-host timeline can give each host its own lanes.
 */
public sealed interface FirmwareTraceEvent extends TraceEvent {

  /** The driver queued the command; it waits for a slot if all are busy. */
  record CommandSubmitted(long timePs, String adapter, long token, FirmwareCommandKind kind)
      implements FirmwareTraceEvent {}

  /**
   * The command was issued to an adapter slot.
   *
   * @param executionPs the drawn execution time, or -1 for a command injected to hang
   */
  record CommandIssued(
      long timePs, String adapter, long token, FirmwareCommandKind kind, long executionPs)
      implements FirmwareTraceEvent {}

  /** The adapter finished executing the command and writes its completion EQE now. */
  record CommandExecuted(long timePs, String adapter, long token, FirmwareCommandKind kind)
      implements FirmwareTraceEvent {}

  /** The driver's DPC handled the command's completion (or the driver gave up on it). */
  record CommandCompleted(
      long timePs,
      String adapter,
      long token,
      FirmwareCommandKind kind,
      CommandStatus status,
      long latencyPs)
      implements FirmwareTraceEvent {}

  /** The adapter reported a command the driver had already timed out. */
  record LateCompletionIgnored(long timePs, long token) implements FirmwareTraceEvent {}

  record SurpriseRemoval(long timePs, int commandsFailed) implements FirmwareTraceEvent {}
}
