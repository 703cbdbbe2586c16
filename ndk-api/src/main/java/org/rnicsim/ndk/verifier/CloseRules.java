package org.rnicsim.ndk.verifier;

import java.util.function.Function;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Closing (ndkpi-spec 3): invariant 5 (SUCCESS or PENDING, completion iff PENDING), 7 and 8 (the
 * last-callback rule at the close completion and at a SUCCESS return), 10 (antecedents wait for
 * successors), 11 (adapter close), and the consumer's side: no use after close, no double close, no
 * close racing another call on the object (reported under 13), no adapter close from a callback
 * (11).
 */
final class CloseRules {

  private final VerifierCore core;

  CloseRules(VerifierCore core) {
    this.core = core;
  }

  /** NDK_FN_CLOSE_OBJECT on {@code s}; {@code call} forwards with the completion to pass on. */
  NtStatus close(
      Shadow s, NdkFnCloseCompletion completion, Function<NdkFnCloseCompletion, NtStatus> call) {
    VerifierCore.Admission a = core.admit(s, "CloseObject", Frame.OpGroup.CLOSE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    if (a == VerifierCore.Admission.REFUSE) {
      return VerifierCore.refusedStatus();
    }
    checkNotRacingAnotherCall(s);
    s.state = ObjectState.CLOSING;
    s.closeIssuedPs = core.now();
    s.closeWithoutCallback = completion == null;
    onCloseIssued(s);
    NdkFnCloseCompletion wrapped = completion == null ? null : ctx -> completed(s, completion, ctx);
    Frame.Call f = core.push(s, "CloseObject", Frame.OpGroup.CLOSE);
    NtStatus status;
    try {
      status = call.apply(wrapped);
    } finally {
      core.pop(f);
    }
    s.closeReturned = status;
    core.note(s, "returned: CloseObject -> ", status);
    if (NtStatusText.isFailure(status)) {
      core.violate(
          Invariant.I05,
          Side.PROVIDER,
          s,
          "CloseObject on " + s + " returned " + status + "; a close cannot fail");
      if (s.closeCompletions == 0) {
        s.state = ObjectState.READY; // the consumer may try again; that is no double close
      }
    } else if (NtStatusText.isSuccess(status)) {
      if (s.closeCompletions > 0) {
        core.violate(
            Invariant.I05,
            Side.PROVIDER,
            s,
            "the close completion of " + s + " ran although CloseObject returned SUCCESS");
      } else {
        checkLastCallback(s, null, Invariant.I08, "CloseObject on " + s + " returned SUCCESS");
      }
      markClosed(s);
    } else if (s.state == ObjectState.CLOSING) {
      s.state = ObjectState.CLOSE_PENDING;
    }
    return status;
  }

  private void completed(Shadow s, NdkFnCloseCompletion completion, Object ctx) {
    s.closeCompletions++;
    Frame.Callback f = core.callbacks.start(s, CallbackKind.CLOSE_COMPLETION, null, null);
    s.closeCallbackRunning = true;
    try {
      if (s.closeCompletions > 1) {
        core.violate(
            Invariant.I05, Side.PROVIDER, s, "the close completion of " + s + " ran a second time");
      } else if (s.closeReturned != null && !s.closeReturned.isPending()) {
        core.violate(
            Invariant.I05,
            Side.PROVIDER,
            s,
            "the close completion of "
                + s
                + " ran although CloseObject had returned "
                + s.closeReturned);
      } else if (s.closedByAdapter) {
        core.callbacks.checkAlive(s, CallbackKind.CLOSE_COMPLETION);
      } else {
        checkLastCallback(s, f, Invariant.I07, "the close completion of " + s + " started");
        markClosed(s);
      }
      completion.closeCompletion(ctx);
    } finally {
      core.callbacks.end(f);
      s.closeCallbackRunning = false;
    }
  }

  /**
   * The last-callback rule at the moment a close finishes: nothing else running or outstanding on
   * the object ({@code rule}: 7 at the completion, 8 at a SUCCESS return) and no open successor
   * (10).
   */
  private void checkLastCallback(Shadow s, Frame.Callback self, Invariant rule, String moment) {
    String running = core.callbacks.running(s, self);
    if (running != null) {
      core.violate(rule, Side.PROVIDER, s, moment + " while " + running + " was still running");
    } else {
      PendingRequest r = s.outstandingRequest();
      if (r != null) {
        core.violate(
            rule,
            Side.PROVIDER,
            s,
            moment
                + " while its "
                + r.op
                + " (issued at "
                + SimTime.format(r.issuedPs)
                + ") had not completed");
      }
    }
    Shadow successor = s.openSuccessor(core.now());
    if (successor != null) {
      core.violate(
          Invariant.I10,
          Side.PROVIDER,
          s,
          moment
              + " while its successor "
              + successor
              + (successor.state.isOpen()
                  ? " was still " + successor.state
                  : " was still running its close completion"));
    }
    core.posts.onCloseFinishing(s);
  }

  private void markClosed(Shadow s) {
    s.state = ObjectState.CLOSED;
    core.unbindInner(s);
  }

  /** Consumer half of invariant 13: no close while another call on the object runs. */
  private void checkNotRacingAnotherCall(Shadow s) {
    Frame.Call running = null;
    boolean insideItsCompletion = false;
    for (int i = core.stack.size() - 1; i >= 0; i--) {
      Frame f = core.stack.get(i);
      if (f instanceof Frame.Callback c
          && c.target == s
          && c.kind == CallbackKind.REQUEST_COMPLETION
          && c.inlineInCallOnTarget) {
        insideItsCompletion = true;
      }
      if (f instanceof Frame.Call c && c.target == s) {
        running = c;
        break;
      }
    }
    if (running != null && !insideItsCompletion) {
      core.violate(
          Invariant.I13,
          Side.CONSUMER,
          s,
          "the consumer closed " + s + " while its " + running.op + " was still running",
          VerifierCore.CONSUMER_13);
    }
  }

  private void onCloseIssued(Shadow s) {
    if (s instanceof QpShadow qp) {
      core.posts.onQpCloseIssued(qp);
    }
  }

  /** CLOSE_NDK_ADAPTER_HANDLER: blocking, never from a callback (invariant 11). */
  void closeAdapter(NdkAdapter adapter, Runnable call) {
    Shadow s = core.shadowOf(adapter);
    if (!(s instanceof AdapterShadow a)) {
      call.run();
      return;
    }
    core.note(a, "consumer calls ", "CloseAdapter");
    if (a.state.isCloseIssued()) {
      core.violate(
          Invariant.I13,
          Side.CONSUMER,
          a,
          "the consumer closed " + a + " a second time; the verifier did not pass the call on",
          VerifierCore.CONSUMER_13);
      return;
    }
    Frame.Callback inside = core.innermostCallback();
    if (inside != null) {
      core.violate(
          Invariant.I11,
          Side.CONSUMER,
          a,
          "the consumer called CloseAdapter from inside the "
              + inside.kind.ndkName()
              + " of "
              + inside.target
              + "; the verifier did not pass the call on");
      return;
    }
    a.state = ObjectState.CLOSING;
    a.closeIssuedPs = core.now();
    Frame.Call f = core.push(a, "CloseAdapter", Frame.OpGroup.CLOSE);
    try {
      call.run();
    } finally {
      core.pop(f);
    }
    a.state = ObjectState.CLOSED;
    core.note(a, "returned: ", "CloseAdapter");
    for (Shadow d : a.descendants) {
      String running = core.callbacks.running(d, null);
      if (running != null) {
        core.violate(
            Invariant.I11,
            Side.PROVIDER,
            d,
            "CloseAdapter of " + a + " returned while " + running + " on " + d + " was running");
      }
    }
    for (Shadow d : a.descendants) {
      if (d.state != ObjectState.FAILED && d.state != ObjectState.CLOSED) {
        d.state = ObjectState.CLOSED;
        d.closedByAdapter = true;
        core.note(d, "closed along with ", a);
      }
    }
  }
}
