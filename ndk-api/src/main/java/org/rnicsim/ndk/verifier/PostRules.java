package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.function.Supplier;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Work requests (ndkpi-spec 5, 6): invariants 18 (posts on a dead CQ's QP), 19 (no entry for an
 * inline failure), what a flush, a QP close and a finished Disconnect owe (20, 9, 26), DEFER chains
 * (21, 22), and the consumer's halves: one post at a time per queue (19) and every DEFER chain
 * terminated (22). Entries themselves are checked by {@link CompletionRules}.
 */
final class PostRules {

  private final VerifierCore core;

  PostRules(VerifierCore core) {
    this.core = core;
  }

  /**
   * One QP post; {@code memory}/{@code bindMr} name the MR/MW of Bind, FastRegister, Invalidate.
   */
  NtStatus post(
      QpShadow qp,
      PostRecord.Queue queue,
      String op,
      NdkOperationType type,
      Object requestContext,
      int flags,
      MemoryShadow memory,
      MemoryShadow bindMr,
      NdkObject[] arguments,
      Supplier<NtStatus> call) {
    Frame.OpGroup group =
        queue == PostRecord.Queue.RECEIVE
            ? Frame.OpGroup.RECEIVE_POST
            : Frame.OpGroup.INITIATOR_POST;
    VerifierCore.Admission a = core.admit(qp, op, group);
    if (a == VerifierCore.Admission.RAW) {
      return call.get();
    }
    for (NdkObject argument : arguments) {
      core.requireOpenArgument(qp, op, argument);
    }
    PostRecord p =
        new PostRecord(
            qp, null, queue, op, type, requestContext, flags, core.now(), core.nextSeq());
    p.memory = memory;
    p.bindMr = bindMr;
    qp.pending.add(p); // before the call: the provider may report the entry inline
    Frame.Call f = core.push(qp, op, group);
    NtStatus status;
    try {
      status = call.get();
    } finally {
      core.pop(f);
    }
    core.note(qp, "returned ", status);
    if (NtStatusText.isFailure(status)) {
      failedInline(qp, p, status);
    } else {
      if (NtStatusText.isPending(status)) {
        core.violate(
            Invariant.I19,
            Side.PROVIDER,
            qp,
            op + " on " + qp + " returned PENDING; posts are synchronous (SUCCESS or a failure)");
      }
      accepted(qp, p);
    }
    return status;
  }

  private void accepted(QpShadow qp, PostRecord p) {
    CqShadow dead = deadCq(qp);
    if (dead != null) {
      core.violate(
          Invariant.I18,
          Side.PROVIDER,
          qp,
          p.op
              + " on "
              + qp
              + " returned SUCCESS although its "
              + dead
              + " reported "
              + dead.errorStatus
              + " at "
              + SimTime.format(dead.errorPs)
              + ", which makes the QP unusable");
    }
    if (p.queue == PostRecord.Queue.INITIATOR) {
      if (p.deferred()) {
        qp.deferChain.add(p);
      } else {
        endChain(qp, PostRecord.ChainEnd.TERMINATED);
      }
    }
    if (p.type == NdkOperationType.BIND) {
      Shadow.link(p.bindMr, p.memory);
      p.memory.invalidatedByReceivePs = -1;
    } else if (p.type == NdkOperationType.FAST_REGISTER && p.memory != null) {
      p.memory.invalidatedByReceivePs = -1;
    } else if (p.type == NdkOperationType.INVALIDATE
        && p.memory != null
        && p.memory.type() == NdkObjectType.MW) {
      for (Shadow antecedent : List.copyOf(p.memory.antecedents)) {
        if (antecedent.type() == NdkObjectType.MR) {
          Shadow.unlink(antecedent, p.memory);
        }
      }
    }
  }

  private void failedInline(QpShadow qp, PostRecord p, NtStatus status) {
    qp.pending.remove(p);
    if (p.entries > 0) {
      core.violate(
          Invariant.I19,
          Side.PROVIDER,
          qp,
          p + " on " + qp + " failed inline with " + status + " yet queued a CQ entry");
    }
    if (p.queue == PostRecord.Queue.INITIATOR) {
      // ndkpi-spec 6: an inline failure makes the provider push every earlier deferred request.
      endChain(qp, PostRecord.ChainEnd.FAILED_INLINE);
    }
  }

  private static void endChain(QpShadow qp, PostRecord.ChainEnd how) {
    for (PostRecord d : qp.deferChain) {
      d.chainEnd = how;
    }
    qp.deferChain.clear();
  }

  private static CqShadow deadCq(QpShadow qp) {
    if (qp.receiveCq != null && qp.receiveCq.errorPs >= 0) {
      return qp.receiveCq;
    }
    if (qp.initiatorCq != null && qp.initiatorCq.errorPs >= 0) {
      return qp.initiatorCq;
    }
    return null;
  }

  /** NdkSrqReceive. */
  NtStatus srqReceive(SrqShadow srq, Object requestContext, Supplier<NtStatus> call) {
    VerifierCore.Admission a = core.admit(srq, "SrqReceive", Frame.OpGroup.SRQ_POST);
    if (a == VerifierCore.Admission.RAW) {
      return call.get();
    }
    PostRecord p =
        new PostRecord(
            null,
            srq,
            PostRecord.Queue.SRQ,
            "SrqReceive",
            NdkOperationType.RECEIVE,
            requestContext,
            0,
            core.now(),
            core.nextSeq());
    srq.pending.add(p);
    Frame.Call f = core.push(srq, "SrqReceive", Frame.OpGroup.SRQ_POST);
    NtStatus status;
    try {
      status = call.get();
    } finally {
      core.pop(f);
    }
    core.note(srq, "returned ", status);
    if (NtStatusText.isFailure(status)) {
      srq.pending.remove(p);
    } else {
      srq.posted++;
    }
    return status;
  }

  /** NdkFlush: every request pending now must reach the CQ (invariant 20). */
  void flush(QpShadow qp, Runnable call) {
    VerifierCore.Admission a = core.admit(qp, "Flush", Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      call.run();
      return;
    }
    long now = core.now();
    for (PostRecord p : qp.pending) {
      if (p.flushedPs < 0) {
        p.flushedPs = now;
      }
    }
    qp.flushIssued = true;
    endChain(qp, PostRecord.ChainEnd.FLUSHED);
    Frame.Call f = core.push(qp, "Flush", Frame.OpGroup.NONE);
    try {
      call.run();
    } finally {
      core.pop(f);
    }
  }

  /**
   * Closing a QP starts the same flush (ndkpi-spec 5); an open DEFER chain is the consumer's bug.
   */
  void onQpCloseIssued(QpShadow qp) {
    for (PostRecord p : qp.pending) {
      p.closeCancelled = true;
    }
    qp.flushIssued = true;
    reportOpenChain(qp, "closed");
    endChain(qp, PostRecord.ChainEnd.FLUSHED);
  }

  /** Interp (ndkpi-spec 5): the flushed entries are queued before the QP close completes. */
  void onCloseFinishing(Shadow s) {
    if (s instanceof SrqShadow srq) {
      checkSrqFlushed(srq);
      return;
    }
    if (!(s instanceof QpShadow qp) || !core.providerReportsEntries) {
      return;
    }
    for (PostRecord p : qp.pending) {
      CqShadow cq = p.cq();
      if (!p.silent() && p.entries == 0 && cq != null && cq.errorPs < 0) {
        p.auditReported = true;
        core.violate(
            Invariant.I09,
            Side.PROVIDER,
            qp,
            "the close of "
                + qp
                + " finished while "
                + p
                + ", pending when the close was issued, had not reached "
                + cq
                + "; closing must flush it first");
        return;
      }
    }
  }

  /** Invariant 19 for the receives of an SRQ whose close had a QP to report them to. */
  private void checkSrqFlushed(SrqShadow srq) {
    if (!srq.flushOwed || !core.providerReportsEntries || srq.pending.isEmpty()) {
      return;
    }
    PostRecord p = srq.pending.get(0);
    p.auditReported = true;
    core.violate(
        Invariant.I19,
        Side.PROVIDER,
        srq,
        "the close of "
            + srq
            + " finished while "
            + srq.pending.size()
            + " SrqReceive(s) that returned SUCCESS (first: "
            + p
            + ") had no CQ entry; each owes one, CANCELLED by the close");
  }

  /** NdkDisconnect finished: the QP is implicitly flushed (invariant 26). */
  void onDisconnectDone(QpShadow qp) {
    for (PostRecord p : qp.pending) {
      p.disconnectFlushed = true;
    }
    qp.flushIssued = true;
  }

  void reportOpenChain(QpShadow qp, String when) {
    if (qp.deferChain.isEmpty() || qp.openChainReported) {
      return;
    }
    qp.openChainReported = true;
    core.violate(
        ConsumerRule.C9,
        qp,
        "the consumer "
            + when
            + " "
            + qp
            + " with "
            + qp.deferChain.size()
            + " DEFER post(s) never followed by a post without DEFER (first: "
            + qp.deferChain.get(0)
            + ")");
  }
}
