package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.trace.ModelTraceEvent.QpStateChanged;

/**
 * The transition to ERROR and what it implies: every outstanding WQE, send and receive, completes
 * with a flush error (the send WQE whose error caused the transition with that error, if any), and
 * anything still in flight for the QP is void. Error completions are written whether or not the WQE
 * was signalled (IB spec 10.8.3: a WQE that completes in error always generates a completion).
 */
final class QpErrors {
  private final TransportContext ctx;

  QpErrors(TransportContext ctx) {
    this.ctx = ctx;
  }

  /** Moves {@code qp} to ERROR; {@code cause} is the status of its oldest send WQE, or null. */
  void moveToError(QueuePair qp, CompletionStatus cause) {
    moveToError(qp, cause, qp.sendQueue == null ? -1 : qp.sendQueue.completed);
  }

  /**
   * Moves {@code qp} to ERROR because of its send WQE {@code wqe} (a memory key fault): that WQE
   * completes with {@code cause}, every other outstanding one is flushed. Nothing happens if the
   * WQE is no longer outstanding.
   */
  void failSendWqe(QueuePair qp, SendWqe wqe, CompletionStatus cause) {
    SendQueue sq = qp.sendQueue;
    for (long i = sq.completed; i < sq.doorbelled; i++) {
      if (sq.at(i) == wqe) {
        moveToError(qp, cause, i);
        return;
      }
    }
  }

  private void moveToError(QueuePair qp, CompletionStatus cause, long causeIndex) {
    if (qp.state == QpState.ERROR) {
      return;
    }
    changeState(qp, QpState.ERROR);
    qp.errorCause = cause;
    leaveService(qp, ctx);
    if (qp.sendQueue != null) {
      flushSend(qp, cause, causeIndex);
    }
    if (qp.receiveQueue != null) {
      flushNewReceiveWork(qp);
    }
  }

  void changeState(QueuePair qp, QpState to) {
    QpState from = qp.state;
    qp.state = to;
    qp.errorCause = null;
    if (ctx.trace.isOn()) {
      ctx.trace.emit(
          new QpStateChanged(ctx.nowPs(), ctx.adapterName, qp.qpn, from.name(), to.name()));
    }
  }

  /** Voids the QP's in-flight work: stale DMA reads, timers and waiting packets are ignored. */
  static void leaveService(QueuePair qp, TransportContext ctx) {
    qp.epoch++;
    if (qp.timer != null) {
      qp.timer.clear();
    }
    qp.readsInFlight = 0;
    qp.holdUntilPs = 0;
    qp.readResponses = null;
    ReceivePath.clear(qp, ctx);
  }

  /** Send WQEs doorbelled to a QP that is already in ERROR complete at once, flushed. */
  void flushNewSendWork(QueuePair qp) {
    flushSend(qp, null, -1);
  }

  private void flushSend(QueuePair qp, CompletionStatus cause, long causeIndex) {
    SendQueue sq = qp.sendQueue;
    long now = ctx.nowPs();
    for (long i = sq.completed; i < sq.doorbelled; i++) {
      SendWqe wqe = sq.at(i);
      CompletionStatus status =
          i == causeIndex && cause != null ? cause : CompletionStatus.FLUSH_ERROR;
      ctx.cqeWriter.write(qp.sendCq, now, wqe.wrId, qp.qpn, wqe.opcode, status, 0);
      ctx.transmitBuffer.release(wqe.bufferedBytes);
      wqe.bufferedBytes = 0;
      wqe.epoch++;
    }
    ctx.sendWqesOutstanding.add(-(sq.doorbelled - sq.completed));
    sq.completed = sq.doorbelled;
    sq.transmitted = sq.doorbelled;
    sq.fetched = sq.doorbelled;
    sq.fetchIssued = sq.doorbelled;
    sq.doorbellStamped = Math.max(sq.doorbellStamped, sq.doorbelled);
    sq.contextStamped = sq.doorbelled;
    sq.wqeFetchesInFlight = 0;
    sq.payloadCursor = sq.doorbelled;
    sq.payloadChunk = 0;
    sq.payloadBlocked = false;
  }

  /** Receive WQEs doorbelled to a QP in ERROR complete at once, flushed. */
  void flushNewReceiveWork(QueuePair qp) {
    ReceiveQueue rq = qp.receiveQueue;
    long now = ctx.nowPs();
    for (long i = rq.consumed; i < rq.doorbelled; i++) {
      ctx.cqeWriter.write(
          qp.receiveCq,
          now,
          rq.wrIds[rq.slot(i)],
          qp.qpn,
          WorkOpcode.RECEIVE,
          CompletionStatus.FLUSH_ERROR,
          0);
    }
    ctx.receiveWqesPosted.add(-(rq.doorbelled - rq.consumed));
    rq.consumed = rq.doorbelled;
    rq.fetched = rq.doorbelled;
    rq.fetchIssued = rq.doorbelled;
    rq.fetchesInFlight = 0;
    rq.placedBytes = 0;
  }
}
