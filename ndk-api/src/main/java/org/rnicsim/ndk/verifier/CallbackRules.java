package org.rnicsim.ndk.verifier;

import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkMisuseException;

/**
 * Starts and ends every provider callback the verifier wraps, and checks what holds for all of
 * them: none for an object whose create failed (invariant 3), whose close completed (6) or whose
 * adapter was closed (11), and none for X while a completion started inside a call on X still runs
 * (13).
 *
 * <p>"Running" means the wrapper's Java call into the consumer has not returned, or, if the
 * provider announced a modelled return time through {@link ProviderProbe#nextCallbackReturnsAt},
 * that time has not come yet.
 */
final class CallbackRules {

  private final VerifierCore core;

  CallbackRules(VerifierCore core) {
    this.core = core;
  }

  /**
   * Called by a callback wrapper before it calls the consumer; pushes the callback's frame.
   *
   * @param request the request a request completion completes, else null
   */
  Frame.Callback start(Shadow owner, CallbackKind kind, Object detail, PendingRequest request) {
    long now = core.now();
    core.note(owner, kind.startText(), detail);
    boolean gone =
        kind != CallbackKind.CLOSE_COMPLETION
            && kind != CallbackKind.CREATE_COMPLETION
            && checkAlive(owner, kind);
    if (kind != CallbackKind.CLOSE_COMPLETION) {
      checkNotTouchedDuringInlineCompletion(owner, kind, now);
    }
    boolean inline =
        kind == CallbackKind.REQUEST_COMPLETION
            && request != null
            && request.returned == null
            && core.callOn(owner) != null;
    Frame.Callback f = new Frame.Callback(owner, now, kind, request, inline);
    f.ownerGone = gone;
    if (core.nextCallbackReturnPs != Long.MIN_VALUE) {
      f.modelledReturnPs = core.nextCallbackReturnPs;
      core.nextCallbackReturnPs = Long.MIN_VALUE;
    }
    core.stack.add(f);
    return f;
  }

  /**
   * The consumer's callback code made a call the verifier refused ({@link NdkMisuseException},
   * already reported under its consumer rule). The callback ends there, as far as the provider can
   * tell, normally: the misuse must not unwind into the provider and its event loop.
   */
  void refusedInside(Frame.Callback f, NdkMisuseException refused) {
    core.note(
        f.target,
        "the consumer's " + f.kind.ndkName() + " ended at a refused call: ",
        refused.rule());
  }

  /** Called by a callback wrapper after the consumer's callback returned (or threw). */
  void end(Frame.Callback f) {
    core.pop(f);
    long now = core.now();
    f.target.history.add(now, f.kind.returnText(), null);
    if (f.modelledReturnPs > now) {
      f.target.addModelledSpan(
          new Shadow.ModelledSpan(f.kind, f.startPs, f.modelledReturnPs, f.inlineInCallOnTarget));
    }
  }

  /**
   * Which callback on {@code s} other than {@code except} runs now, described for a report; null if
   * none.
   */
  String running(Shadow s, Frame.Callback except) {
    for (int i = core.stack.size() - 1; i >= 0; i--) {
      if (core.stack.get(i) instanceof Frame.Callback c && c.target == s && c != except) {
        return "its " + c.kind.ndkName() + " (started at " + SimTime.format(c.startPs) + ")";
      }
    }
    Shadow.ModelledSpan span = s.modelledRunning(core.now());
    if (span != null) {
      return "its "
          + span.kind().ndkName()
          + " (started at "
          + SimTime.format(span.startPs())
          + ", modelled to return at "
          + SimTime.format(span.returnPs())
          + ")";
    }
    return null;
  }

  /**
   * Invariants 3, 6, 11: no callback for an object that failed, was closed, or lost its adapter;
   * true if one was reported.
   */
  boolean checkAlive(Shadow owner, CallbackKind kind) {
    if (owner.state == ObjectState.FAILED) {
      core.violate(
          Invariant.I03,
          Side.PROVIDER,
          owner,
          "the provider ran a "
              + kind.ndkName()
              + " for "
              + owner
              + " although creating it failed, so no such object exists");
    } else if (owner.closedByAdapter) {
      core.violate(
          Invariant.I11,
          Side.PROVIDER,
          owner,
          "the provider ran a "
              + kind.ndkName()
              + " for "
              + owner
              + " after CloseAdapter of "
              + owner.root()
              + " had returned");
    } else if (owner.state == ObjectState.CLOSED) {
      core.violate(
          Invariant.I06,
          Side.PROVIDER,
          owner,
          "the provider ran a "
              + kind.ndkName()
              + " for "
              + owner
              + " after its close had completed"
              + (NtStatusText.isSuccess(owner.closeReturned)
                  ? " (CloseObject returned SUCCESS)"
                  : " (its close completion had run)"));
    } else {
      return false;
    }
    return true;
  }

  /**
   * Invariant 13: a completion the provider started inside a call on X still runs, and this new
   * callback for X does not come from a fresh consumer call on X made inside it.
   */
  private void checkNotTouchedDuringInlineCompletion(Shadow owner, CallbackKind kind, long now) {
    for (int i = core.stack.size() - 1; i >= 0; i--) {
      Frame f = core.stack.get(i);
      if (f instanceof Frame.Call c && c.target == owner) {
        return;
      }
      if (f instanceof Frame.Callback c && c.target == owner && c.inlineInCallOnTarget) {
        report13(owner, kind, c.kind, c.startPs);
        return;
      }
    }
    Shadow.ModelledSpan span = owner.modelledInlineCompletion(now);
    if (span != null) {
      report13(owner, kind, span.kind(), span.startPs());
    }
  }

  private void report13(Shadow owner, CallbackKind kind, CallbackKind first, long firstStartPs) {
    core.violate(
        Invariant.I13,
        Side.PROVIDER,
        owner,
        "the provider started a "
            + kind.ndkName()
            + " for "
            + owner
            + " while the "
            + first.ndkName()
            + " it had started inside a call on "
            + owner
            + " (at "
            + SimTime.format(firstStartPs)
            + ") had not returned; the consumer may have closed "
            + owner
            + " in it");
  }
}
