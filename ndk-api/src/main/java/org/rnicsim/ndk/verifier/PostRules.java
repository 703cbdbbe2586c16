package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Work requests and their completions (ndkpi-spec 5, 6): invariants 18 (posts on a dead CQ's QP),
 * 19 (one entry per SUCCESS post, none per inline failure), 20 (flush), 21 and 22 (DEFER chains),
 * 23 (contexts), 24 (SendAndInvalidate), the CANCELLED-without-flush half of 25, and the consumer's
 * halves: one post at a time per queue (19) and every DEFER chain terminated (22).
 *
 * <p>An entry is checked when the provider reports it through the probe, or else when the consumer
 * dequeues it. Entries that never come are reported by the audit ({@link #audit}).
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
    if (a == VerifierCore.Admission.REFUSE) {
      return VerifierCore.refusedStatus();
    }
    for (NdkObject argument : arguments) {
      if (core.refuseClosedArgument(qp, op, argument)) {
        return VerifierCore.refusedStatus();
      }
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
    if (a == VerifierCore.Admission.REFUSE) {
      return VerifierCore.refusedStatus();
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
    if (a == VerifierCore.Admission.REFUSE) {
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
        Invariant.I22,
        Side.CONSUMER,
        qp,
        "the consumer "
            + when
            + " "
            + qp
            + " with "
            + qp.deferChain.size()
            + " DEFER post(s) never followed by a post without DEFER (first: "
            + qp.deferChain.get(0)
            + ")",
        "ndkpi-spec 6: unless a post fails inline, every DEFER chain ends with a post without"
            + " DEFER. (Invariant 22 is the provider's half: such a chain is all submitted.)");
  }

  /** One CQ entry, seen when queued (probe) or dequeued: invariants 18-20, 23-25. */
  void onEntry(
      CqShadow cq,
      NtStatus status,
      Object qpContext,
      Object requestContext,
      NdkOperationType type,
      long typeSpecificOutput) {
    QpShadow qp = qpWithContext(cq, qpContext, requestContext);
    if (qp == null) {
      core.violate(
          Invariant.I23,
          Side.PROVIDER,
          cq,
          "an entry on "
              + cq
              + " carries QPContext "
              + qpContext
              + ", which is the creation context of no QP using this CQ");
      return;
    }
    PostRecord p = match(qp, cq, requestContext);
    if (p == null) {
      for (PostRecord done : qp.completed) {
        if (done.requestContext == requestContext) {
          core.violate(
              Invariant.I19,
              Side.PROVIDER,
              qp,
              "a second CQ entry (" + status + ") arrived for " + done + " on " + qp);
          return;
        }
      }
      core.violate(
          Invariant.I23,
          Side.PROVIDER,
          qp,
          "an entry on "
              + cq
              + " for "
              + qp
              + " carries RequestContext "
              + requestContext
              + ", which no pending post on "
              + qp
              + " used");
      return;
    }
    (p.srq != null ? p.srq.pending : qp.pending).remove(p);
    p.entries++;
    qp.rememberCompleted(p);
    if (p.srq != null) {
      p.srq.consumed++;
    }
    checkEntry(cq, qp, p, status, type, typeSpecificOutput);
  }

  private void checkEntry(
      CqShadow cq,
      QpShadow qp,
      PostRecord p,
      NtStatus status,
      NdkOperationType type,
      long typeSpecificOutput) {
    boolean success = NtStatus.SUCCESS.equals(status);
    if (!core.providerReportsEntries && cq.errorPs >= 0 && p.postedPs > cq.errorPs) {
      core.violate(
          Invariant.I18,
          Side.PROVIDER,
          cq,
          p + " posted after " + cq + " reported " + cq.errorStatus + " still completed into it");
    }
    if (p.silent() && success) {
      core.violate(
          Invariant.I19,
          Side.PROVIDER,
          qp,
          p + " had SILENT_SUCCESS and succeeded, yet queued a CQ entry");
    }
    if ("SendAndInvalidate".equals(p.op) && type != null && type != NdkOperationType.SEND) {
      core.violate(
          Invariant.I24,
          Side.PROVIDER,
          qp,
          "the sender's entry for " + p + " has Type " + type + "; the sender must see Send");
    }
    if (type == NdkOperationType.RECEIVE_AND_INVALIDATE) {
      invalidatedByPeer(qp, typeSpecificOutput);
    }
    boolean flushed = p.flushedPs >= 0 || p.closeCancelled;
    if (flushed
        && p.queue == PostRecord.Queue.RECEIVE
        && !qp.connectIssued
        && !NtStatus.CANCELLED.equals(status)) {
      core.violate(
          Invariant.I20,
          Side.PROVIDER,
          qp,
          p
              + " was flushed on "
              + qp
              + ", which was never connected, so it cannot have been done, yet it completed with "
              + status
              + " instead of CANCELLED");
    }
    if (NtStatus.CANCELLED.equals(status)
        && !qp.flushIssued
        && qp.connector != null
        && qp.connector.disconnectEvents > 0) {
      core.violate(
          Invariant.I25,
          Side.PROVIDER,
          qp,
          p
              + " completed CANCELLED after the disconnect event of "
              + qp.connector
              + " although nobody flushed, closed or disconnected "
              + qp
              + ": raising the event flushed the QP");
    }
    if (p.type == NdkOperationType.INVALIDATE
        && success
        && p.memory != null
        && p.memory.invalidatedByReceivePs >= 0
        && p.memory.invalidatedByReceivePs <= p.postedPs) {
      core.violate(
          Invariant.I24,
          Side.PROVIDER,
          qp,
          p
              + " of "
              + p.memory
              + " succeeded although a ReceiveAndInvalidate had already invalidated its token at "
              + SimTime.format(p.memory.invalidatedByReceivePs));
    }
    if (p.type == NdkOperationType.BIND && !success) {
      Shadow.unlink(p.bindMr, p.memory);
    }
  }

  private void invalidatedByPeer(QpShadow qp, long token) {
    for (Shadow s : qp.root().descendants) {
      if (s instanceof MemoryShadow m
          && m.state.isOpen()
          && m.remoteToken != null
          && (m.remoteToken & 0xFFFF_FFFFL) == (token & 0xFFFF_FFFFL)) {
        m.invalidatedByReceivePs = core.now();
        return;
      }
    }
    core.violate(
        Invariant.I24,
        Side.PROVIDER,
        qp,
        "a ReceiveAndInvalidate entry on "
            + qp
            + " names token 0x"
            + Long.toHexString(token)
            + " in TypeSpecificCompletionOutput, which is no remote token of an MR or MW of "
            + qp.root());
  }

  /** The QP an entry belongs to; if several QPs share the context, the one that posted it. */
  private static QpShadow qpWithContext(CqShadow cq, Object qpContext, Object requestContext) {
    QpShadow known = cq.qpsByContext.get(qpContext);
    if (known != CqShadow.SHARED_CONTEXT) {
      return known != null && known.state != ObjectState.FAILED ? known : null;
    }
    QpShadow any = null;
    for (Shadow s : cq.successors) {
      if (s instanceof QpShadow qp && qp.qpContext == qpContext) {
        if (match(qp, cq, requestContext) != null) {
          return qp;
        }
        any = any == null ? qp : any;
      }
    }
    return any;
  }

  private static PostRecord match(QpShadow qp, CqShadow cq, Object requestContext) {
    PostRecord best = null;
    for (PostRecord p : qp.pending) {
      if (p.requestContext == requestContext && p.cq() == cq) {
        best = p;
        break;
      }
    }
    if (qp.srq != null && qp.receiveCq == cq) {
      for (PostRecord p : qp.srq.pending) {
        if (p.requestContext == requestContext) {
          if (best == null || p.postedSeq < best.postedSeq) {
            best = p;
          }
          break;
        }
      }
    }
    return best;
  }

  /** Audit: SUCCESS posts whose entry never came, one report per QP and invariant. */
  void audit(QpShadow qp) {
    reportOpenChain(qp, "left");
    List<PostRecord> missing19 = new ArrayList<>();
    List<PostRecord> missing20 = new ArrayList<>();
    List<PostRecord> missing09 = new ArrayList<>();
    List<PostRecord> missing26 = new ArrayList<>();
    List<PostRecord> missing21 = new ArrayList<>();
    List<PostRecord> missing22 = new ArrayList<>();
    for (PostRecord p : qp.pending) {
      CqShadow cq = p.cq();
      if (p.auditReported
          || p.silent()
          || cq == null
          || cq.errorPs >= 0
          || (!core.providerReportsEntries && cq.state.isCloseIssued())) {
        continue;
      }
      p.auditReported = true;
      if (p.flushedPs >= 0) {
        missing20.add(p);
      } else if (p.closeCancelled) {
        missing09.add(p);
      } else if (p.disconnectFlushed) {
        missing26.add(p);
      } else if (p.deferred() && p.chainEnd == PostRecord.ChainEnd.FAILED_INLINE) {
        missing21.add(p);
      } else if (p.deferred() && p.chainEnd == PostRecord.ChainEnd.TERMINATED) {
        missing22.add(p);
      } else if (!p.deferred() && p.queue == PostRecord.Queue.INITIATOR) {
        missing19.add(p);
      }
      // A receive on an open, unflushed QP may wait for traffic forever; an open chain is the
      // consumer's (reported above).
    }
    reportMissing(qp, Invariant.I19, missing19, "");
    reportMissing(qp, Invariant.I20, missing20, ", although a Flush was issued after it");
    reportMissing(qp, Invariant.I09, missing09, ", although closing the QP must flush it");
    reportMissing(qp, Invariant.I26, missing26, ", although the finished Disconnect flushes it");
    reportMissing(
        qp, Invariant.I21, missing21, ", although a later post failed inline, which pushes it");
    reportMissing(
        qp, Invariant.I22, missing22, ", although its DEFER chain ended with a post without DEFER");
  }

  private void reportMissing(QpShadow qp, Invariant inv, List<PostRecord> missing, String why) {
    if (missing.isEmpty()) {
      return;
    }
    PostRecord first = missing.get(0);
    core.violate(
        inv,
        Side.PROVIDER,
        qp,
        missing.size()
            + " SUCCESS post(s) on "
            + qp
            + " never produced a CQ entry by the audit"
            + why
            + "; the first is "
            + first
            + ", posted at "
            + SimTime.format(first.postedPs));
  }
}
