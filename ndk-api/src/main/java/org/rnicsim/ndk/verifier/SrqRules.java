package org.rnicsim.ndk.verifier;

import java.util.function.Function;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * SRQ arming (ndkpi-spec 4), invariant 32: a notification at most once per arm, and ModifySrq with
 * a threshold above the queued count fires it at once. The verifier's queued count is an upper
 * bound (SUCCESS SrqReceives minus the receive completions it has seen), so "below the threshold"
 * is certain whenever it says so.
 */
final class SrqRules {

  private final VerifierCore core;

  SrqRules(VerifierCore core) {
    this.core = core;
  }

  /** Interp (ndkpi-spec 4): a create with a callback and a threshold arms like ModifySrq. */
  void created(SrqShadow srq, boolean hasCallback, long notifyThreshold) {
    if (hasCallback && notifyThreshold > 0) {
      srq.armed = true;
      srq.armedThreshold = notifyThreshold;
    }
  }

  NtStatus modifySrq(
      SrqShadow srq,
      long notifyThreshold,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call) {
    VerifierCore.Admission a = core.admit(srq, "ModifySrq", Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    if (notifyThreshold > 0) {
      srq.armed = true;
      srq.armedThreshold = notifyThreshold;
      if (srq.queuedAtMost() < notifyThreshold && srq.owedSincePs < 0) {
        srq.owedSincePs = core.now();
        core.note(srq, "notification due at once: queued at most ", srq.queuedAtMost());
      }
    }
    return core.requests.forward(srq, "ModifySrq", completion, call, null);
  }

  void notification(
      SrqShadow srq, NdkFnSrqNotificationCallback callback, Object ctx, NtStatus srqStatus) {
    Frame.Callback f = core.callbacks.start(srq, CallbackKind.SRQ_NOTIFICATION, srqStatus, null);
    try {
      if (NtStatus.INTERNAL_ERROR.equals(srqStatus)) {
        srq.dead = true;
      } else if (!srq.armed && !f.ownerGone) {
        core.violate(
            Invariant.I32,
            Side.PROVIDER,
            srq,
            "an SrqNotification for "
                + srq
                + " ran although it was not armed (one notification per ModifySrq threshold)");
      }
      srq.armed = false;
      srq.owedSincePs = -1;
      if (callback != null) {
        callback.srqNotification(ctx, srqStatus);
      }
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
    }
  }

  /** Audit: a notification that ModifySrq made due at once and that never came. */
  void audit(SrqShadow srq) {
    if (srq.owedSincePs < 0 || !srq.state.isOpen() || srq.dead) {
      return;
    }
    core.violate(
        Invariant.I32,
        Side.PROVIDER,
        srq,
        "at "
            + SimTime.format(srq.owedSincePs)
            + " ModifySrq armed "
            + srq
            + " with threshold "
            + srq.armedThreshold
            + " while at most "
            + srq.queuedAtMost()
            + " receives were queued, but no SrqNotification ran by the audit");
    srq.owedSincePs = -1;
  }
}
