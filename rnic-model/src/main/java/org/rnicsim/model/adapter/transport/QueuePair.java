package org.rnicsim.model.adapter.transport;

import java.util.ArrayDeque;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.congestion.CnpPacer;
import org.rnicsim.model.adapter.congestion.DcqcnReactionPoint;
import org.rnicsim.model.fabric.Packet;

/**
 * An RC queue pair as the adapter holds it. A driver sees only its number, state and CQs; the
 * transport keeps its cursors and sequence numbers here. An idle QP is a few dozen fields: its
 * rings, timer and receive backlog are allocated when first used, so a million idle QPs fit in a
 * small heap (see {@code rnicsim bench model --qps}).
 */
public final class QueuePair {
  final int qpn;
  final CompletionQueue sendCq;
  final CompletionQueue receiveCq;
  final int sendQueueDepth;
  final int receiveQueueDepth;
  QpState state = QpState.RESET;

  /** While in ERROR: the status of the send WQE whose error moved the QP there, or null. */
  CompletionStatus errorCause;

  /** Changes when the QP leaves service (ERROR, RESET, destroy): in-flight work for it is void. */
  int epoch;

  int remoteAddress = -1;
  int remoteQpn = -1;
  SendQueue sendQueue;
  ReceiveQueue receiveQueue;

  /** The SRQ the responder draws receives from when the ring is empty, or null. */
  SharedReceiveSource sharedReceives;

  // Requester.
  int nextPsn;
  int retriesLeft;
  int rnrRetriesLeft;
  int readsInFlight;
  long holdUntilPs;
  TransportTimer timer;

  // Responder.
  int expectedPsn;
  boolean sequenceNakSent;
  long writeAddress;
  int writeKey;
  ReadResponses readResponses;

  // Receive pipeline: packets waiting behind one that waits for a cache fill or a receive WQE.
  ArrayDeque<Packet> rxBacklog;
  boolean rxBlocked;
  boolean rxContextHeld;

  // Send scheduler ring.
  QueuePair nextInRing;
  boolean inRing;

  /** When the QP last joined the send scheduler's ring (for the scheduler's queue statistic). */
  long ringJoinedPs;

  // DCQCN (null until first needed, and always without congestion control).
  DcqcnReactionPoint reactionPoint;
  CnpPacer cnpPacer;

  QueuePair(
      int qpn,
      CompletionQueue sendCq,
      CompletionQueue receiveCq,
      int sendQueueDepth,
      int receiveQueueDepth) {
    if (sendQueueDepth <= 0 || receiveQueueDepth <= 0) {
      throw new IllegalArgumentException("queue depths must be > 0");
    }
    this.qpn = qpn;
    this.sendCq = sendCq;
    this.receiveCq = receiveCq;
    this.sendQueueDepth = sendQueueDepth;
    this.receiveQueueDepth = receiveQueueDepth;
  }

  public int qpn() {
    return qpn;
  }

  public QpState state() {
    return state;
  }

  /**
   * While the QP is in ERROR, the status of the send WQE whose error moved it there (a retry limit,
   * a memory key fault); null if none did (a modify to ERROR, a responder-side error).
   */
  public CompletionStatus errorCause() {
    return errorCause;
  }

  public CompletionQueue sendCq() {
    return sendCq;
  }

  public CompletionQueue receiveCq() {
    return receiveCq;
  }

  public int sendQueueDepth() {
    return sendQueueDepth;
  }

  public int receiveQueueDepth() {
    return receiveQueueDepth;
  }

  public int remoteAddress() {
    return remoteAddress;
  }

  public int remoteQpn() {
    return remoteQpn;
  }

  /** Send WQEs posted and not yet completed (including unsignalled ones awaiting their ACK). */
  public long sendWorkOutstanding() {
    return sendQueue == null ? 0 : sendQueue.posted - sendQueue.completed;
  }

  /** Receive WQEs posted and not yet consumed. */
  public long receiveWorkOutstanding() {
    return receiveQueue == null ? 0 : receiveQueue.posted - receiveQueue.consumed;
  }

  SendQueue sendQueue() {
    if (sendQueue == null) {
      sendQueue = new SendQueue(sendQueueDepth);
    }
    return sendQueue;
  }

  ReceiveQueue receiveQueue() {
    if (receiveQueue == null) {
      receiveQueue = new ReceiveQueue(receiveQueueDepth);
    }
    return receiveQueue;
  }

  /** The QP's cursors and sequence numbers, for failure messages and debugging. */
  public String describe() {
    StringBuilder text = new StringBuilder(toString());
    text.append(" nextPsn=").append(nextPsn).append(" expectedPsn=").append(expectedPsn);
    text.append(" readsInFlight=").append(readsInFlight);
    if (sendQueue != null) {
      SendQueue sq = sendQueue;
      text.append(" sq[posted=").append(sq.posted).append(" doorbelled=").append(sq.doorbelled);
      text.append(" fetchIssued=").append(sq.fetchIssued).append(" fetched=").append(sq.fetched);
      text.append(" transmitted=").append(sq.transmitted);
      text.append(" completed=").append(sq.completed).append(']');
      if (sq.completed < sq.fetched) {
        SendWqe head = sq.at(sq.completed);
        text.append(" head[").append(head.opcode).append(" psn=").append(head.firstPsn);
        text.append("+").append(head.psnCount).append(" sent=").append(head.sent);
        text.append("/").append(head.packets).append(" ready=").append(head.dataReady);
        text.append(" acked=").append(head.acknowledged).append(']');
      }
    }
    if (receiveQueue != null) {
      ReceiveQueue rq = receiveQueue;
      text.append(" rq[posted=").append(rq.posted).append(" fetched=").append(rq.fetched);
      text.append(" consumed=").append(rq.consumed).append(']');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "qp" + qpn + "(" + state + ")";
  }
}
