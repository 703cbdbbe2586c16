package org.rnicsim.ndk.verifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A QP: its CQs and SRQ, the posts still owed a completion, and its DEFER chain (19-26). */
final class QpShadow extends Shadow {

  /** How many completed request contexts to remember, to tell a second entry from a stray one. */
  static final int COMPLETED_MEMORY = 64;

  Object qpContext;
  CqShadow receiveCq;
  CqShadow initiatorCq;
  SrqShadow srq;

  /**
   * SUCCESS posts still owed a CQ entry, oldest first. A deque: entries mostly come in post order,
   * so removing one takes the head instead of shifting the list.
   */
  final ArrayDeque<PostRecord> pending = new ArrayDeque<>();

  /** Recently completed posts (invariant 19's "exactly one"). */
  final ArrayDeque<PostRecord> completed = new ArrayDeque<>();

  /** DEFER posts since the last non-DEFER or failed initiator post (invariants 21, 22). */
  final List<PostRecord> deferChain = new ArrayList<>();

  /** True once a Connect, ConnectWithSharedEndpoint or Accept named this QP. */
  boolean connectIssued;

  ConnectorShadow connector;

  /** True once the consumer flushed, closed or disconnected it (invariant 25). */
  boolean flushIssued;

  boolean openChainReported;

  QpShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }

  void rememberCompleted(PostRecord post) {
    completed.addLast(post);
    if (completed.size() > COMPLETED_MEMORY) {
      completed.removeFirst();
    }
  }
}
