package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * CQ entries against the posts they complete (ndkpi-spec 5): invariants 18 (nothing after a CQ
 * error), 19 (exactly one entry, none for a silent success), 20 (flushed means CANCELLED), 23
 * (contexts), 24 (SendAndInvalidate on both sides), the CANCELLED-without-flush half of 25; and, at
 * the audit, the SUCCESS posts whose entry never came (19-22, 9, 26).
 *
 * <p>An entry is checked when the provider reports it through the probe, or else when the consumer
 * dequeues it.
 */
final class CompletionRules {

  private final VerifierCore core;

  CompletionRules(VerifierCore core) {
    this.core = core;
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
    // A Disconnect the consumer issued ends with the QP flushed (invariant 26); the provider may
    // queue those entries before the Disconnect completion runs, so only an event with no local
    // Disconnect behind it is suspect.
    if (NtStatus.CANCELLED.equals(status)
        && !qp.flushIssued
        && qp.connector != null
        && qp.connector.disconnectEvents > 0
        && !qp.connector.disconnectIssued) {
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
    core.posts.reportOpenChain(qp, "left");
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
