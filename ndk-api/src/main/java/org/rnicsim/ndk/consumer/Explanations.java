package org.rnicsim.ndk.consumer;

import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;

/**
 * The narration's default sentences: what each call outcome, callback and hardware event shows,
 * with the ndkpi-spec invariant it illustrates. A lesson replaces any of them with its own words.
 */
final class Explanations {

  private Explanations() {}

  /** A create returned {@code status}. */
  static String create(NtStatus status) {
    if (NtStatus.SUCCESS.equals(status)) {
      return "Completed inline: the object comes back with the call and no create callback will"
          + " follow (invariants 1, 2).";
    }
    if (status.isPending()) {
      return "Pending: the object does not exist for the consumer until its create completion"
          + " delivers it, exactly once (invariants 1, 2).";
    }
    return "Failed inline: no object, no callback, nothing to close (invariant 3).";
  }

  /** A close returned {@code status}. */
  static String close(NtStatus status) {
    if (NtStatus.SUCCESS.equals(status)) {
      return "Closed synchronously: no close callback, and no callback of any kind for it from"
          + " now on (invariants 5, 6).";
    }
    return "The close is pending: exactly one close completion will follow, and the consumer must"
        + " not touch the object again (invariants 5, 6).";
  }

  /** A request that may pend (Connect, Accept, Disconnect ...) returned {@code status}. */
  static String request(String operation, NtStatus status) {
    if (status.isPending()) {
      return operation
          + " is pending: its request completion will run exactly once (invariant 12).";
    }
    if (NtStatus.SUCCESS.equals(status)) {
      return operation + " completed inline: no request completion follows (invariant 12).";
    }
    return operation + " failed inline: no request completion follows (invariant 12).";
  }

  /** A post returned {@code status}. */
  static String post(String operation, boolean deferred, NtStatus status) {
    if (!NtStatus.SUCCESS.equals(status)) {
      return operation
          + " failed inline: it queues no CQ entry, and the provider pushes every earlier deferred"
          + " request to the hardware (invariants 19, 21).";
    }
    if (deferred) {
      return operation
          + " with DEFER: the WQE is written, the doorbell waits for the end of the chain"
          + " (invariant 22).";
    }
    return operation + " accepted: exactly one completion will reach the CQ (invariant 19).";
  }

  static String callbackStart(CallbackKind kind, NtStatus status) {
    boolean ok = status == null || NtStatus.SUCCESS.equals(status);
    return switch (kind) {
      case CREATE_COMPLETION ->
          ok
              ? "The pending create completes once and delivers the object (invariants 1, 2)."
              : "The pending create failed: no object and no close obligation (invariant 3).";
      case CLOSE_COMPLETION ->
          "The close completes: nothing on the object is outstanding and no callback for it"
              + " runs (invariant 7); this is its last callback (invariant 6).";
      case REQUEST_COMPLETION ->
          NtStatus.CANCELLED.equals(status)
              ? "The request was cancelled by a close or flush and still completes once"
                  + " (invariants 9, 12)."
              : "The request that returned PENDING completes, exactly once (invariant 12).";
      case CQ_NOTIFICATION ->
          ok
              ? "The CQ was armed and got a completion: one notification, and the arm clears"
                  + " (invariant 14)."
              : "The CQ reports an error: it produces no more completions (invariant 18).";
      case SRQ_NOTIFICATION -> "The SRQ fell below its threshold (invariant 32).";
      case CONNECT_EVENT ->
          "A connection request arrived: the provider hands the consumer a new connector, which"
              + " the consumer now owns and must close (ndkpi-spec 4).";
      case DISCONNECT_EVENT ->
          "The peer disconnected: the event fires at most once and does not flush the QP"
              + " (invariant 25).";
    };
  }

  static String callbackReturn(CallbackKind kind) {
    return kind == CallbackKind.CLOSE_COMPLETION
        ? "The close completion returns: the object is gone, and an antecedent waiting for it may"
            + " now complete its own close (invariant 10)."
        : "The callback returns; until now it counted as running, so a close issued meanwhile"
            + " had to wait (invariants 7, 8).";
  }

  static String firmwareDone(String command) {
    return "The firmware finished "
        + command
        + "; the news travels to the host as an event queue entry, an MSI-X interrupt and a DPC.";
  }

  static String cqe(NtStatus status) {
    if (NtStatus.CANCELLED.equals(status)) {
      return "A flushed request reaches the CQ as STATUS_CANCELLED (invariant 20).";
    }
    return NtStatus.SUCCESS.equals(status)
        ? "A completion lands in the CQ: exactly one per accepted request (invariant 19)."
        : "A failed request still reaches the CQ (invariant 19).";
  }

  static String eqe() {
    return "The CQ's arm and moderation are satisfied: the adapter writes an event queue entry.";
  }

  static String msiX() {
    return "The adapter interrupts the host with an MSI-X message.";
  }

  static String dpc(int entries) {
    return "The DPC drains "
        + entries
        + (entries == 1 ? " event queue entry" : " event queue entries")
        + "; the callbacks it starts run on this core.";
  }

  static String doorbell(int requests) {
    return requests == 1
        ? "One doorbell (an MMIO write) for one request."
        : "One doorbell covers the whole chain of "
            + requests
            + " requests: the chain ended, so all of it is submitted (invariant 22).";
  }
}
