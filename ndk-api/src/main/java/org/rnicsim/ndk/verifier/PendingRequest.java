package org.rnicsim.ndk.verifier;

import java.util.function.Consumer;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * One call that takes an NDK_FN_REQUEST_COMPLETION (ndkpi-spec 4): issued, returned, completed.
 * Invariant 12: the completion runs exactly once iff the call returned PENDING.
 */
final class PendingRequest {

  final Shadow owner;
  final String op;
  final long issuedPs;

  /** False if the consumer passed no completion (BuildLAM's is optional). */
  final boolean tracked;

  /** Told the final status once known (inline return or completion), for kind-specific rules. */
  final Consumer<NtStatus> onFinal;

  NtStatus returned;
  int completions;
  boolean callbackReturned;
  boolean auditReported;

  PendingRequest(
      Shadow owner, String op, long issuedPs, boolean tracked, Consumer<NtStatus> onFinal) {
    this.owner = owner;
    this.op = op;
    this.issuedPs = issuedPs;
    this.tracked = tracked;
    this.onFinal = onFinal;
  }

  /** True while the request still owes its owner a completion (invariants 7-9). */
  boolean outstanding() {
    if (returned == null) {
      return true;
    }
    return tracked && returned.isPending() && !callbackReturned;
  }
}
