package org.rnicsim.model.host;

/** What a core is busy with, for the per-kind utilisation statistics and the lessons' CPU lane. */
public enum CpuWorkKind {
  /** Interrupt service routine entry after an MSI-X write (calibration I5: assumption). */
  ISR,
  /** Deferred procedure call that drains an event queue and dispatches completions. */
  DPC,
  /** A consumer callback: completion, notification, connect or disconnect event. */
  CALLBACK,
  /** Building a WQE in the send-queue ring and ringing the doorbell. */
  POST,
  /**
   * The connection manager's work on one management datagram: handling a received MAD (after the
   * DPC entry) or building one and posting it to QP1 (before the doorbell).
   */
  CM_MAD,
  /** Anything else a consumer program spends CPU on. */
  CONSUMER
}
