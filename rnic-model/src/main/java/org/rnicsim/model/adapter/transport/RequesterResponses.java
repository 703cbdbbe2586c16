package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.trace.ModelTraceEvent.Retransmit;

/**
 * The requester's return path: ACKs and READ responses acknowledge WQEs; WQEs complete strictly in
 * order, a CQE for each signalled one. A lost packet is recovered by go-back-N after a sequence NAK
 * or the local ACK timeout; an RNR NAK holds the QP for the RNR delay; retries exhausted, or a
 * remote-access-error NAK, send the QP to ERROR.
 */
final class RequesterResponses {
  private final TransportContext ctx;
  private final AdapterProfile profile;
  private final SendScheduler scheduler;
  private final QpErrors errors;

  RequesterResponses(TransportContext ctx, SendScheduler scheduler, QpErrors errors) {
    this.ctx = ctx;
    this.profile = ctx.profile;
    this.scheduler = scheduler;
    this.errors = errors;
  }

  /**
   * Acts on an ACK, NAK or READ response for {@code qp}, its context ready at {@code readyAtPs}.
   */
  void handleResponse(QueuePair qp, Packet packet, long readyAtPs) {
    if (qp.state != QpState.RTS || qp.sendQueue == null) {
      return;
    }
    PacketOpcode opcode = packet.opcode();
    switch (opcode) {
      case ACK -> acknowledgeThrough(qp, packet.psn(), packet.measurementStampPs(), readyAtPs);
      case NAK_SEQUENCE_ERROR -> {
        acknowledgeThrough(qp, packet.psn() - 1, -1, readyAtPs);
        goBackTo(qp, packet.psn(), "sequence NAK");
      }
      case NAK_RECEIVER_NOT_READY -> receiverNotReady(qp, packet.psn(), readyAtPs);
      case NAK_REMOTE_ACCESS_ERROR -> remoteAccessError(qp, packet.psn(), readyAtPs);
      default -> {
        if (opcode.isReadResponse()) {
          readResponse(qp, packet, readyAtPs);
        }
      }
    }
  }

  private void acknowledgeThrough(QueuePair qp, int psn, long measurementStampPs, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    long now = ctx.nowPs();
    boolean progress = false;
    for (long i = sq.completed; i < sq.transmitted; i++) {
      SendWqe wqe = sq.at(i);
      if (wqe.firstPsn > psn) {
        break;
      }
      if (!wqe.acknowledged && !wqe.isRead() && wqe.lastPsn() <= psn) {
        wqe.acknowledged = true;
        wqe.ackPs = now;
        wqe.atResponderPs = measurementStampPs;
        progress = true;
      }
    }
    if (progress) {
      madeProgress(qp, readyAtPs);
    } else {
      // A duplicate ACK after a go-back: WQEs acknowledged earlier may be complete now.
      completeInOrder(qp, readyAtPs);
    }
  }

  private void readResponse(QueuePair qp, Packet packet, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    int psn = packet.psn();
    for (long i = sq.completed; i < sq.transmitted; i++) {
      SendWqe wqe = sq.at(i);
      if (!wqe.isRead() || wqe.acknowledged || psn < wqe.firstPsn || psn > wqe.lastPsn()) {
        continue;
      }
      if (psn != wqe.firstPsn + wqe.responsesReceived) {
        return; // out of order after a loss: go-back-N recovers it
      }
      acknowledgeThrough(qp, wqe.firstPsn - 1, -1, readyAtPs);
      if (packet.payloadBytes() > 0) {
        // Scattered into the local buffer; a CQE written later queues behind it on the link.
        ctx.receiveBuffer.place(readyAtPs, packet.payloadBytes());
      }
      wqe.responsesReceived++;
      if (wqe.responsesReceived == wqe.psnCount) {
        wqe.acknowledged = true;
        wqe.ackPs = ctx.nowPs();
        wqe.atResponderPs = packet.measurementStampPs();
        wqe.readCounted = false;
        qp.readsInFlight--;
        madeProgress(qp, readyAtPs);
        scheduler.activate(qp);
      } else {
        timer(qp).restartAckTimeout(profile.retransmitTimeoutPs());
      }
      return;
    }
  }

  private void madeProgress(QueuePair qp, long readyAtPs) {
    qp.retriesLeft = profile.retryCount();
    completeInOrder(qp, readyAtPs);
    if (hasUnacknowledged(qp)) {
      timer(qp).restartAckTimeout(profile.retransmitTimeoutPs());
    } else if (qp.timer != null) {
      qp.timer.stopAckTimeout();
    }
  }

  private void completeInOrder(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    while (sq.completed < sq.transmitted) {
      SendWqe wqe = sq.at(sq.completed);
      if (!wqe.acknowledged) {
        return;
      }
      long cqeLandedPs = -1;
      if (wqe.signalled) {
        cqeLandedPs =
            ctx.cqeWriter.write(
                qp.sendCq,
                readyAtPs,
                wqe.wrId,
                qp.qpn,
                wqe.opcode,
                CompletionStatus.SUCCESS,
                wqe.lengthBytes);
      }
      ctx.stages.recordRequester(
          wqe.opcode,
          wqe.postedPs,
          wqe.doorbellPs,
          wqe.contextReadyPs,
          wqe.wqeFetchedPs,
          wqe.payloadFetchedPs,
          wqe.onWirePs,
          wqe.atResponderPs,
          wqe.ackPs,
          cqeLandedPs);
      wqe.epoch++;
      sq.completed++;
      ctx.sendWqesOutstanding.add(-1);
    }
  }

  private boolean hasUnacknowledged(QueuePair qp) {
    SendQueue sq = qp.sendQueue;
    return sq.completed < sq.transmitted
        || (sq.transmitted < sq.fetched && sq.at(sq.transmitted).sent > 0);
  }

  // ---- loss recovery ----

  void ackTimedOut(QueuePair qp) {
    if (qp.state != QpState.RTS || !hasUnacknowledged(qp)) {
      return;
    }
    if (qp.retriesLeft <= 0) {
      errors.moveToError(qp, CompletionStatus.RETRY_EXCEEDED);
      return;
    }
    qp.retriesLeft--;
    goBackTo(qp, firstUnacknowledgedPsn(qp), "ACK timeout");
    // Even if nothing can be resent at once, the next timeout must come: never silence.
    timer(qp).restartAckTimeout(profile.retransmitTimeoutPs());
  }

  private void receiverNotReady(QueuePair qp, int psn, long readyAtPs) {
    acknowledgeThrough(qp, psn - 1, -1, readyAtPs);
    if (profile.rnrRetryCount() != AdapterProfile.RNR_RETRY_FOREVER) {
      if (qp.rnrRetriesLeft <= 0) {
        errors.moveToError(qp, CompletionStatus.RNR_RETRY_EXCEEDED);
        return;
      }
      qp.rnrRetriesLeft--;
    }
    qp.holdUntilPs = ctx.nowPs() + profile.rnrRetryDelayPs();
    timer(qp).holdUntil(qp.holdUntilPs);
    goBackTo(qp, psn, "receiver not ready");
  }

  /**
   * The responder refused the memory access of the request with sequence number {@code psn}: what
   * came before it is acknowledged, the request completes with a remote access error and the QP
   * goes to ERROR, flushing every later WQE (a NAK for a request no longer outstanding is stale).
   */
  private void remoteAccessError(QueuePair qp, int psn, long readyAtPs) {
    acknowledgeThrough(qp, psn - 1, -1, readyAtPs);
    SendQueue sq = qp.sendQueue;
    // Up to every fetched WQE: a long WRITE may be NAKed for its first packet while it still sends.
    for (long i = sq.completed; i < sq.fetched; i++) {
      SendWqe wqe = sq.at(i);
      if (wqe.firstPsn <= psn && psn <= wqe.lastPsn()) {
        errors.failSendWqe(qp, wqe, CompletionStatus.REMOTE_ACCESS_ERROR);
        return;
      }
    }
  }

  void holdEnded(QueuePair qp) {
    if (qp.state == QpState.RTS) {
      scheduler.activate(qp);
    }
  }

  private int firstUnacknowledgedPsn(QueuePair qp) {
    SendQueue sq = qp.sendQueue;
    for (long i = sq.completed; i <= sq.transmitted && i < sq.fetched; i++) {
      SendWqe wqe = sq.at(i);
      if (!wqe.acknowledged) {
        return wqe.firstPsn;
      }
    }
    return qp.nextPsn;
  }

  /** Go-back-N: everything from the packet with sequence number {@code psn} is sent again. */
  private void goBackTo(QueuePair qp, int psn, String reason) {
    SendQueue sq = qp.sendQueue;
    long end = Math.min(sq.transmitted + 1, sq.fetched);
    long start = -1;
    for (long i = sq.completed; i < end; i++) {
      if (sq.at(i).lastPsn() >= psn) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return;
    }
    if (ctx.trace.isOn()) {
      ctx.trace.emit(new Retransmit(ctx.nowPs(), ctx.adapterName, qp.qpn, psn, reason));
    }
    for (long i = start; i < end; i++) {
      SendWqe wqe = sq.at(i);
      if (wqe.readCounted) {
        wqe.readCounted = false;
        qp.readsInFlight--;
      }
      if (wqe.acknowledged) {
        continue; // its ACK or responses arrived: nothing to send again
      }
      if (wqe.isRead()) {
        wqe.sent = 0;
        wqe.responsesReceived = 0;
      } else {
        wqe.sent = i == start ? Math.max(0, psn - wqe.firstPsn) : 0;
      }
    }
    sq.transmitted = start;
    skipAcknowledged(qp, ctx.nowPs());
    scheduler.activate(qp);
  }

  /** Moves the send cursor past WQEs whose ACK already arrived; they are not sent again. */
  void skipAcknowledged(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    boolean skipped = false;
    while (sq.transmitted < sq.fetched && sq.at(sq.transmitted).acknowledged) {
      SendWqe wqe = sq.at(sq.transmitted);
      wqe.sent = wqe.packets;
      sq.transmitted++;
      skipped = true;
    }
    if (skipped) {
      completeInOrder(qp, readyAtPs);
    }
  }

  TransportTimer timer(QueuePair qp) {
    if (qp.timer == null) {
      qp.timer = new TransportTimer(this, qp, ctx.simulator);
    }
    return qp.timer;
  }
}
