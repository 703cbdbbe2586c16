package org.rnicsim.model.trace;

import org.rnicsim.engine.trace.TraceEvent;

/** Trace events of the hardware model; names and numbers only, so any sink can print them. */
public sealed interface ModelTraceEvent extends TraceEvent {

  /** A doorbell write reached the adapter. */
  record DoorbellLanded(long timePs, String adapter, int qpn, boolean sendQueue, long producerIndex)
      implements ModelTraceEvent {}

  /** A cache lookup missed and a DMA read of the entry was started. */
  record CacheMiss(long timePs, String cache, long key) implements ModelTraceEvent {}

  /**
   * A packet went on the wire at {@code timePs} (its first bit; once per packet, even when a PFC
   * pause took it back off the wire before it started) and its last bit leaves at {@code
   * departurePs}.
   */
  record PacketSent(long timePs, String port, String packet, long departurePs)
      implements ModelTraceEvent {}

  /** A packet was lost: link down, random loss, or a full switch buffer. */
  record PacketLost(long timePs, String where, String packet, String reason)
      implements ModelTraceEvent {}

  /** A QP changed state. */
  record QpStateChanged(long timePs, String adapter, int qpn, String from, String to)
      implements ModelTraceEvent {}

  /** A CQE was handed to the DMA engine; it lands at {@code landsPs}. */
  record CqeWritten(
      long timePs, String adapter, int cqn, int qpn, long wrId, String status, long landsPs)
      implements ModelTraceEvent {}

  /** A requester QP timed out or was NAKed and goes back to resend from {@code fromPsn}. */
  record Retransmit(long timePs, String adapter, int qpn, int fromPsn, String reason)
      implements ModelTraceEvent {}

  /** A fault was injected. */
  record FaultInjected(long timePs, String target, String fault) implements ModelTraceEvent {}
}
