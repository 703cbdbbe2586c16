package org.rnicsim.ndk.verifier;

import java.util.function.Function;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Closing (ndkpi-spec 3): invariant 5 (SUCCESS or PENDING, completion iff PENDING), 7 and 8 (the
 * last-callback rule at the close completion and at a SUCCESS return), 10 (antecedents wait for
 * successors), 11 (adapter close), and the consumer's side: no double close (C2), no close racing
 * another call on the object (C3), no adapter close from a callback (C6), no adapter close that
 * leaves objects open (C7).
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
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
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

  /** Consumer rule C3: no close while another call on the object runs. */
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
          ConsumerRule.C3,
          s,
          "the consumer closed " + s + " while its " + running.op + " was still running");
    }
  }

  private void onCloseIssued(Shadow s) {
    if (s instanceof QpShadow qp) {
      core.posts.onQpCloseIssued(qp);
    } else if (s instanceof SrqShadow srq) {
      // Interp (ndkpi-spec 5): the flushed receives go to a CQ of a QP still on the SRQ; with none
      // there is no CQ for them.
      srq.flushOwed = srq.openSuccessor(core.now()) != null;
    }
  }

  /**
   * CLOSE_NDK_ADAPTER_HANDLER: blocking, never from a callback (C6). It waits for every object
   * below the adapter to be closed (ndkpi-spec 3: no antecedent close, the adapter's included,
   * completes while a successor is open), so on return every descendant must be closed with its
   * close completion returned (invariants 10, 11). A close that can never return because the
   * consumer left objects open is the consumer's error (C7); the objects stay open.
   */
  void closeAdapter(NdkAdapter adapter, Runnable call) {
    Shadow s = core.shadowOf(adapter);
    if (!(s instanceof AdapterShadow a)) {
      call.run();
      return;
    }
    core.note(a, "consumer calls ", "CloseAdapter");
    if (a.state.isCloseIssued()) {
      throw core.refuse(ConsumerRule.C2, a, "the consumer closed " + a + " a second time");
    }
    Frame.Callback inside = core.innermostCallback();
    if (inside != null) {
      throw core.refuse(
          ConsumerRule.C6,
          a,
          "the consumer called CloseAdapter from inside the "
              + inside.kind.ndkName()
              + " of "
              + inside.target);
    }
    a.state = ObjectState.CLOSING;
    a.closeIssuedPs = core.now();
    Frame.Call f = core.push(a, "CloseAdapter", Frame.OpGroup.CLOSE);
    try {
      call.run();
    } catch (NdkMisuseException neverReturns) {
      reportStuck(a, neverReturns);
      throw neverReturns;
    } finally {
      core.pop(f);
    }
    a.state = ObjectState.CLOSED;
    core.note(a, "returned: ", "CloseAdapter");
    for (Shadow d : a.descendants) {
      checkClosedAtAdapterReturn(a, d);
      if (d.state.isOpen()) {
        d.state = ObjectState.CLOSED;
        d.closedByAdapter = true;
      }
    }
  }

  /** Invariants 10 and 11 for one descendant when CloseAdapter returns. */
  private void checkClosedAtAdapterReturn(AdapterShadow a, Shadow d) {
    String running = core.callbacks.running(d, null);
    if (running != null) {
      core.violate(
          Invariant.I11,
          Side.PROVIDER,
          d,
          "CloseAdapter of " + a + " returned while " + running + " on " + d + " was running");
    } else if (d.state == ObjectState.CLOSE_PENDING || d.state == ObjectState.CLOSING) {
      core.violate(
          Invariant.I10,
          Side.PROVIDER,
          d,
          "CloseAdapter of " + a + " returned while the close completion of " + d + " was owed");
    } else if (d.state.isOpen()) {
      core.violate(
          Invariant.I10,
          Side.PROVIDER,
          d,
          "CloseAdapter of " + a + " returned while " + d + " was still " + d.state);
    }
  }

  /**
   * The provider says CloseAdapter can never return. If the consumer never closed some objects
   * below the adapter, that is its error (C7) and they stay open; if it issued every close, the
   * provider failed to finish one (invariant 9: a close always makes progress).
   */
  private void reportStuck(AdapterShadow a, NdkMisuseException neverReturns) {
    java.util.List<String> neverClosed = new java.util.ArrayList<>();
    java.util.List<String> closing = new java.util.ArrayList<>();
    for (Shadow d : a.descendants) {
      if (d.state == ObjectState.READY) {
        neverClosed.add(d.toString());
      } else if (d.state.isOpen()) {
        closing.add(d.toString() + " " + d.state);
      }
    }
    if (!neverClosed.isEmpty()) {
      core.violate(
          ConsumerRule.C7,
          a,
          "CloseAdapter of "
              + a
              + " can never return: the consumer never closed "
              + String.join(", ", neverClosed)
              + "; they stay open");
    } else {
      core.violate(
          Invariant.I09,
          Side.PROVIDER,
          a,
          "CloseAdapter of "
              + a
              + " never returned although the consumer had closed everything below it"
              + (closing.isEmpty() ? "" : "; still pending: " + String.join(", ", closing))
              + " ("
              + neverReturns.getMessage()
              + ")");
    }
  }
}
