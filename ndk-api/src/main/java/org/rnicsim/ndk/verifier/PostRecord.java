package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;

/** One work request that returned SUCCESS and is owed a CQ entry (ndkpi-spec 5, 6). */
final class PostRecord {

  /** Which queue a post went to (ndkpi-spec 5: the consumer serialises per queue). */
  enum Queue {
    INITIATOR,
    RECEIVE,
    SRQ
  }

  /** How the DEFER chain a deferred post belongs to ended (invariants 21, 22). */
  enum ChainEnd {
    OPEN,
    TERMINATED,
    FAILED_INLINE,
    FLUSHED
  }

  final QpShadow qp;
  final SrqShadow srq;
  final Queue queue;
  final String op;
  final NdkOperationType type;
  final Object requestContext;
  final int flags;
  final long postedPs;
  final long postedSeq;

  ChainEnd chainEnd = ChainEnd.OPEN;
  long flushedPs = -1;
  boolean closeCancelled;
  boolean disconnectFlushed;
  int entries;
  boolean auditReported;

  /** The MR or MW a Bind, FastRegister or Invalidate acts on, else null. */
  MemoryShadow memory;

  /** The MR of a Bind, else null. */
  MemoryShadow bindMr;

  PostRecord(
      QpShadow qp,
      SrqShadow srq,
      Queue queue,
      String op,
      NdkOperationType type,
      Object requestContext,
      int flags,
      long postedPs,
      long postedSeq) {
    this.qp = qp;
    this.srq = srq;
    this.queue = queue;
    this.op = op;
    this.type = type;
    this.requestContext = requestContext;
    this.flags = flags;
    this.postedPs = postedPs;
    this.postedSeq = postedSeq;
  }

  boolean deferred() {
    return NdkOpFlag.DEFER.isSetIn(flags);
  }

  boolean silent() {
    return NdkOpFlag.SILENT_SUCCESS.isSetIn(flags);
  }

  /** The CQ this post's entry goes to, or null for an SRQ receive (decided by the QP). */
  CqShadow cq() {
    if (qp == null) {
      return null;
    }
    return queue == Queue.RECEIVE ? qp.receiveCq : qp.initiatorCq;
  }

  @Override
  public String toString() {
    return op + "(context " + requestContext + ")";
  }
}
