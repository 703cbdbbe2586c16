package org.rnicsim.ndk.provider.runtime;

import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.ndk.provider.policy.CallbackKind;

/** What the simulated provider reports to the simulator's trace, for lessons and timelines. */
public sealed interface ProviderTraceEvent extends TraceEvent {

  /**
   * A consumer callback starts on a core and will return at {@code returnPs}.
   *
   * @param subject the object the callback is about, as text
   */
  record CallbackStarted(long timePs, CallbackKind kind, String subject, int core, long returnPs)
      implements ProviderTraceEvent {}

  /** The callback returned. */
  record CallbackReturned(long timePs, CallbackKind kind, String subject)
      implements ProviderTraceEvent {}

  /** A create returned PENDING; its command went to the firmware. */
  record CreatePending(long timePs, String subject) implements ProviderTraceEvent {}

  /** A request on {@code subject} returned PENDING. */
  record RequestPending(long timePs, String subject, String operation)
      implements ProviderTraceEvent {}

  /** A consumer issued a close that returned {@code status}. */
  record CloseIssued(long timePs, String subject, String status) implements ProviderTraceEvent {}

  /** The object is closed for good: no callback for it can follow. */
  record Closed(long timePs, String subject) implements ProviderTraceEvent {}

  /**
   * A post rang the initiator doorbell of a QP for {@code requests} written WQEs (ndkpi-spec 6: a
   * DEFER chain rings once, at its last post or at an inline failure); the doorbell reaches the
   * adapter at {@code landsPs}.
   *
   * @param subject the QP, as text
   */
  record DoorbellRung(long timePs, String subject, int requests, long landsPs)
      implements ProviderTraceEvent {}
}
