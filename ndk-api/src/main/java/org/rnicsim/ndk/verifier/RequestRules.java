package org.rnicsim.ndk.verifier;

import java.util.function.Consumer;
import java.util.function.Function;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Calls that take an NDK_FN_REQUEST_COMPLETION (ndkpi-spec 4). Invariant 12: the completion runs
 * exactly once iff the call returned PENDING; the call is outstanding on its object until then,
 * which is what invariants 7-9 count.
 */
final class RequestRules {

  private final VerifierCore core;

  RequestRules(VerifierCore core) {
    this.core = core;
  }

  /**
   * Checks, forwards and tracks one request.
   *
   * @param call forwards to the provider with the completion to pass it (null if the consumer gave
   *     none)
   * @param onFinal told the request's final status once known, or null
   */
  NtStatus request(
      Shadow owner,
      String op,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call,
      Consumer<NtStatus> onFinal) {
    VerifierCore.Admission a = core.admit(owner, op, Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    return forward(owner, op, completion, call, onFinal);
  }

  /** As {@link #request} for a call already admitted (its arguments checked by the caller). */
  NtStatus forward(
      Shadow owner,
      String op,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call,
      Consumer<NtStatus> onFinal) {
    PendingRequest r = new PendingRequest(owner, op, core.now(), completion != null, onFinal);
    owner.requests.add(r);
    NdkFnRequestCompletion wrapped =
        completion == null ? null : (ctx, status) -> completed(r, completion, ctx, status);
    Frame.Call f = core.push(owner, op, Frame.OpGroup.NONE);
    NtStatus status;
    try {
      status = call.apply(wrapped);
    } finally {
      core.pop(f);
    }
    returned(r, status);
    return status;
  }

  private void returned(PendingRequest r, NtStatus status) {
    r.returned = status == null ? NtStatus.INVALID_PARAMETER : status;
    core.note(r.owner, "returned: " + r.op + " -> ", status);
    if (!NtStatusText.isPending(status)) {
      r.owner.requests.remove(r);
      if (r.completions > 0) {
        core.violate(
            Invariant.I12,
            Side.PROVIDER,
            r.owner,
            "the completion of "
                + r.op
                + " on "
                + r.owner
                + " ran although the call returned "
                + status
                + ", not PENDING");
      } else if (r.onFinal != null) {
        r.onFinal.accept(r.returned);
      }
    } else if (r.callbackReturned) {
      r.owner.requests.remove(r);
    }
  }

  private void completed(
      PendingRequest r, NdkFnRequestCompletion completion, Object ctx, NtStatus status) {
    r.completions++;
    Frame.Callback f = core.callbacks.start(r.owner, CallbackKind.REQUEST_COMPLETION, r.op, r);
    try {
      if (r.completions > 1) {
        core.violate(
            Invariant.I12,
            Side.PROVIDER,
            r.owner,
            "the completion of " + r.op + " on " + r.owner + " ran a second time");
      } else if (r.returned != null && !r.returned.isPending()) {
        core.violate(
            Invariant.I12,
            Side.PROVIDER,
            r.owner,
            "the completion of "
                + r.op
                + " on "
                + r.owner
                + " ran although the call had returned "
                + r.returned
                + ", not PENDING");
      } else if (r.onFinal != null) {
        r.onFinal.accept(status);
      }
      completion.requestCompletion(ctx, status);
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
      r.callbackReturned = true;
      if (r.returned != null) {
        r.owner.requests.remove(r);
      }
    }
  }

  /** Invariant 12: calls that never pend (Reject here; the VOID ones cannot return PENDING). */
  void checkNeverPends(Shadow owner, String op, NtStatus status) {
    if (NtStatusText.isPending(status)) {
      core.violate(
          Invariant.I12,
          Side.PROVIDER,
          owner,
          op + " on " + owner + " returned PENDING; it has no completion and must never pend");
    }
  }
}
