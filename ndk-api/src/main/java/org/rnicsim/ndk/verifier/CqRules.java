package org.rnicsim.ndk.verifier;

import java.util.function.IntSupplier;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * CQ arming and notifications (ndkpi-spec 4): invariants 14 (only while armed, once per arm), 15
 * (no overlap; the consumer's half: no concurrent GetCqResults/ArmCq), 16 (re-arm keeps the
 * stronger type), 17 (arming over fresh entries notifies at once), 18 (nothing after an error).
 *
 * <p>16, 17 and the "an arm is answered" half of 14 need to know when entries arrive, so they are
 * checked only when the provider reports entries through {@link ProviderProbe#cqEntryQueued}; a
 * notification owed under them and never given is reported by the audit.
 */
final class CqRules {

  private final VerifierCore core;

  CqRules(VerifierCore core) {
    this.core = core;
  }

  void armCq(CqShadow cq, NdkCqNotificationType type, Runnable call) {
    VerifierCore.Admission a = core.admit(cq, "ArmCq", Frame.OpGroup.CQ_POLL_OR_ARM);
    if (a == VerifierCore.Admission.RAW) {
      call.run();
      return;
    }
    core.note(cq, "  arm type (", type);
    cq.armed = cq.armed == null ? type : cq.armed.stronger(type);
    cq.armsSinceFire.add(type);
    if (core.providerReportsEntries && cq.owedBy == null) {
      for (CqShadow.QueuedEntry e : cq.queued) {
        // Interp (ndkpi-spec 7.17): ANY is owed by any fresh entry, the other types by a matching
        // one.
        if (e.seq() > cq.lastNotificationSeq && (type == NdkCqNotificationType.ANY || e.error())) {
          owe(
              cq,
              Invariant.I17,
              "ArmCq(" + type + ") found an entry that arrived since the last" + " notification");
          break;
        }
      }
    }
    Frame.Call f = core.push(cq, "ArmCq", Frame.OpGroup.CQ_POLL_OR_ARM);
    try {
      call.run();
    } finally {
      core.pop(f);
    }
  }

  void notification(
      CqShadow cq, NdkFnCqNotificationCallback callback, Object ctx, NtStatus cqStatus) {
    Frame.Callback f = core.callbacks.start(cq, CallbackKind.CQ_NOTIFICATION, cqStatus, null);
    try {
      if (f.ownerGone) {
        if (callback != null) {
          callback.cqNotification(ctx, cqStatus);
        }
        return;
      }
      String other = runningNotification(cq, f);
      if (other != null) {
        core.violate(
            Invariant.I15,
            Side.PROVIDER,
            cq,
            "a CqNotification for " + cq + " started while " + other + " was still running");
      }
      boolean error =
          NtStatus.BUFFER_OVERFLOW.equals(cqStatus) || NtStatus.INTERNAL_ERROR.equals(cqStatus);
      if (!error && cq.armed == null) {
        core.violate(
            Invariant.I14,
            Side.PROVIDER,
            cq,
            cq.lastNotificationSeq == 0
                ? "a CqNotification for " + cq + " ran although the CQ was never armed"
                : "a CqNotification for "
                    + cq
                    + " ran although the CQ was not re-armed since the last one");
      }
      if (error && cq.errorPs < 0) {
        cq.errorPs = core.now();
        cq.errorStatus = cqStatus;
      }
      cq.armed = null;
      cq.armsSinceFire.clear();
      cq.owedBy = null;
      cq.lastNotificationSeq = core.nextSeq();
      if (callback != null) {
        callback.cqNotification(ctx, cqStatus);
      }
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
    }
  }

  private String runningNotification(CqShadow cq, Frame.Callback self) {
    for (Frame frame : core.stack) {
      if (frame instanceof Frame.Callback c
          && c != self
          && c.target == cq
          && c.kind == CallbackKind.CQ_NOTIFICATION) {
        return "the one started at " + SimTime.format(c.startPs);
      }
    }
    Shadow.ModelledSpan span = cq.modelledRunning(core.now());
    if (span != null && span.kind() == CallbackKind.CQ_NOTIFICATION) {
      return "the one started at "
          + SimTime.format(span.startPs())
          + " (modelled to return at "
          + SimTime.format(span.returnPs())
          + ")";
    }
    return null;
  }

  int getCqResults(CqShadow cq, NdkResult[] results, IntSupplier call) {
    return poll(cq, "GetCqResults", results, null, call);
  }

  int getCqResultsEx(CqShadow cq, NdkResultEx[] results, IntSupplier call) {
    return poll(cq, "GetCqResultsEx", null, results, call);
  }

  private int poll(
      CqShadow cq, String op, NdkResult[] plain, NdkResultEx[] extended, IntSupplier call) {
    VerifierCore.Admission a = core.admit(cq, op, Frame.OpGroup.CQ_POLL_OR_ARM);
    if (a == VerifierCore.Admission.RAW) {
      return call.getAsInt();
    }
    Frame.Call f = core.push(cq, op, Frame.OpGroup.CQ_POLL_OR_ARM);
    int n;
    try {
      n = call.getAsInt();
    } finally {
      core.pop(f);
    }
    core.note(cq, "returned entries: ", n);
    if (core.providerReportsEntries) {
      for (int i = 0; i < n && !cq.queued.isEmpty(); i++) {
        cq.queued.removeFirst();
      }
      return n;
    }
    int length = plain != null ? plain.length : extended.length;
    for (int i = 0; i < Math.min(n, length); i++) {
      if (plain != null && plain[i] != null) {
        NdkResult r = plain[i];
        core.completions.onEntry(cq, r.status(), r.qpContext(), r.requestContext(), null, 0);
      } else if (extended != null && extended[i] != null) {
        NdkResultEx r = extended[i];
        core.completions.onEntry(
            cq,
            r.status(),
            r.qpContext(),
            r.requestContext(),
            r.type(),
            r.typeSpecificCompletionOutput());
      }
    }
    return n;
  }

  /** The provider reports that {@code cq} has failed (ProviderProbe), maybe before notifying. */
  void onFailed(CqShadow cq, NtStatus status) {
    core.note(cq, "provider reports the CQ failed: ", status);
    if (cq.errorPs < 0) {
      cq.errorPs = core.now();
      cq.errorStatus = status;
    }
  }

  /** The provider queued {@code entry} (ProviderProbe). */
  void onEntryQueued(CqShadow cq, NdkResultEx entry) {
    boolean error = !NtStatus.SUCCESS.equals(entry.status());
    cq.queued.addLast(new CqShadow.QueuedEntry(core.nextSeq(), error));
    core.note(cq, "provider queues an entry: ", entry.status());
    if (cq.errorPs >= 0) {
      core.violate(
          Invariant.I18,
          Side.PROVIDER,
          cq,
          "the provider queued an entry ("
              + entry.status()
              + ") into "
              + cq
              + " after reporting "
              + cq.errorStatus
              + " at "
              + SimTime.format(cq.errorPs));
    } else if (cq.armed != null
        && cq.owedBy == null
        && (error || cq.armed == NdkCqNotificationType.ANY)) {
      boolean eachArmAlone = true;
      for (NdkCqNotificationType t : cq.armsSinceFire) {
        eachArmAlone &= error || t == NdkCqNotificationType.ANY;
      }
      owe(
          cq,
          eachArmAlone ? Invariant.I14 : Invariant.I16,
          eachArmAlone
              ? "an entry (" + entry.status() + ") arrived while armed " + cq.armed
              : "an entry ("
                  + entry.status()
                  + ") arrived while the arms "
                  + cq.armsSinceFire
                  + " together make "
                  + cq.armed);
    }
    core.completions.onEntry(
        cq,
        entry.status(),
        entry.qpContext(),
        entry.requestContext(),
        entry.type(),
        entry.typeSpecificCompletionOutput());
  }

  private void owe(CqShadow cq, Invariant by, String why) {
    cq.owedBy = by;
    cq.owedSincePs = core.now();
    cq.owedWhy = why;
    core.note(cq, "notification now due: ", why);
  }

  /** Audit: a notification owed and never given. */
  void audit(CqShadow cq) {
    if (cq.owedBy == null || !cq.state.isOpen()) {
      return;
    }
    core.violate(
        cq.owedBy,
        Side.PROVIDER,
        cq,
        "at "
            + SimTime.format(cq.owedSincePs)
            + " "
            + cq.owedWhy
            + ", so a CqNotification for "
            + cq
            + " was due, but none ran by the audit");
    cq.owedBy = null;
  }
}
