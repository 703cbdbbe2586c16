package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.trace.ModelTraceEvent.DoorbellLanded;
import org.rnicsim.model.trace.ModelTraceEvent.Retransmit;

/**
 * The requester side of the RC transport: from a send doorbell to the send completion.
 *
 * <p>Doorbell landed, then doorbell unit, then QP context (hit, or wait for the fill), then WQE
 * fetch (one DMA read for up to {@code wqeFetchBatch} WQEs; none for a WQE pushed with the
 * doorbell), then payload fetch (one DMA read per packet, each after its page translation; none for
 * inline data), then the send scheduler takes packets in WQE order as their data arrive. ACKs and
 * READ responses acknowledge WQEs; WQEs complete strictly in order, a CQE for each signalled one. A
 * lost packet is recovered by go-back-N after a NAK or the ACK timeout; retries exhausted send the
 * QP to ERROR.
 */
final class Requester {
  private final TransportContext ctx;
  private final AdapterProfile profile;
  private SendScheduler scheduler;
  private QpErrors errors;

  Requester(TransportContext ctx) {
    this.ctx = ctx;
    this.profile = ctx.profile;
  }

  void wire(SendScheduler sendScheduler, QpErrors qpErrors) {
    this.scheduler = sendScheduler;
    this.errors = qpErrors;
  }

  // ---- doorbell, context, WQE fetch ----

  void doorbellLanded(QueuePair qp, long producerIndex) {
    SendQueue sq = qp.sendQueue();
    long now = ctx.nowPs();
    if (ctx.trace.isOn()) {
      ctx.trace.emit(new DoorbellLanded(now, ctx.adapterName, qp.qpn, true, producerIndex));
    }
    if (producerIndex > sq.doorbelled) {
      sq.doorbelled = producerIndex;
    }
    for (; sq.doorbellStamped < sq.doorbelled; sq.doorbellStamped++) {
      sq.at(sq.doorbellStamped).doorbellPs = now;
    }
    if (qp.state == QpState.ERROR) {
      errors.flushNewSendWork(qp);
      return;
    }
    long readyPs = ctx.doorbellUnit.pass(now);
    long contextPs = ctx.context(qp.qpn, readyPs);
    if (contextPs < 0) {
      int epoch = qp.epoch;
      ctx.qpContexts.awaitFill(
          qp.qpn,
          () -> {
            if (qp.epoch == epoch) {
              contextReady(qp, ctx.nowPs());
            }
          });
      return;
    }
    contextReady(qp, contextPs);
  }

  private void contextReady(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    for (; sq.contextStamped < sq.doorbelled; sq.contextStamped++) {
      sq.at(sq.contextStamped).contextReadyPs = readyAtPs;
    }
    startFetch(qp, readyAtPs);
  }

  private void startFetch(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    while (!sq.fetchInFlight && sq.fetchIssued < sq.doorbelled) {
      SendWqe first = sq.at(sq.fetchIssued);
      if (first.pushed) {
        sq.fetchIssued++;
        wqeFetched(qp, first, readyAtPs);
        continue;
      }
      long from = sq.fetchIssued;
      long bytes = 0;
      while (sq.fetchIssued < sq.doorbelled
          && sq.fetchIssued - from < profile.wqeFetchBatch()
          && !sq.at(sq.fetchIssued).pushed) {
        bytes += ctx.wqeSizeBytes(sq.at(sq.fetchIssued));
        sq.fetchIssued++;
      }
      sq.fetchInFlight = true;
      ctx.dma.read(readyAtPs, bytes, new WqeFetch(qp, from, sq.fetchIssued));
    }
  }

  private void wqeFetchArrived(QueuePair qp, long from, long to) {
    SendQueue sq = qp.sendQueue;
    sq.fetchInFlight = false;
    long now = ctx.nowPs();
    for (long i = from; i < to; i++) {
      wqeFetched(qp, sq.at(i), now);
    }
    startFetch(qp, now);
  }

  private void wqeFetched(QueuePair qp, SendWqe wqe, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    wqe.firstPsn = qp.nextPsn;
    qp.nextPsn += wqe.psnCount;
    wqe.wqeFetchedPs = readyAtPs;
    sq.fetched++;
    if (wqe.isRead()) {
      // The requester translates the READ's local buffer while it processes the WQE, so the
      // responses can be scattered without a lookup.
      translateReadBuffer(qp, wqe, wqe.epoch, readyAtPs);
    } else if (wqe.inline || wqe.lengthBytes == 0) {
      dataReady(qp, wqe, wqe.packets, readyAtPs);
    } else {
      pumpPayload(qp, readyAtPs, false);
    }
  }

  private void translateReadBuffer(QueuePair qp, SendWqe wqe, int wqeEpoch, long readyAtPs) {
    long readyPs =
        ctx.translate(wqe.localAddress, Math.min(wqe.lengthBytes, ctx.mtuBytes), readyAtPs);
    if (readyPs < 0) {
      int qpEpoch = qp.epoch;
      ctx.missCache.awaitFill(
          ctx.missKey,
          () -> {
            if (qp.epoch == qpEpoch && wqe.epoch == wqeEpoch) {
              translateReadBuffer(qp, wqe, wqeEpoch, ctx.nowPs());
            }
          });
      return;
    }
    dataReady(qp, wqe, 1, readyPs);
  }

  /**
   * Issues the QP's payload reads strictly in WQE and packet order from its payload cursor: each
   * read after its page translation and after it reserved transmit-buffer space. A miss or a full
   * buffer stops the cursor until the fill or the space arrives, so a QP's reserved payload is
   * always a prefix of what it sends next and the buffer can never fill with data that waits behind
   * data still to be fetched.
   */
  private void pumpPayload(QueuePair qp, long readyAtPs, boolean servedByBuffer) {
    SendQueue sq = qp.sendQueue;
    if (sq.payloadBlocked) {
      return;
    }
    long readyPs = readyAtPs;
    boolean mayUseWaitingSpace = servedByBuffer;
    for (; sq.payloadCursor < sq.fetched; sq.payloadCursor++, sq.payloadChunk = 0) {
      SendWqe wqe = sq.at(sq.payloadCursor);
      if (wqe.isRead() || wqe.inline || wqe.lengthBytes == 0) {
        continue;
      }
      for (; sq.payloadChunk < wqe.packets; sq.payloadChunk++) {
        long offset = sq.payloadChunk * ctx.mtuBytes;
        long bytes = wqe.chunkBytes(sq.payloadChunk, ctx.mtuBytes);
        long translatedPs = ctx.translate(wqe.localAddress + offset, bytes, readyPs);
        int qpEpoch = qp.epoch;
        if (translatedPs < 0) {
          sq.payloadBlocked = true;
          ctx.missCache.awaitFill(ctx.missKey, () -> resumePayload(qp, qpEpoch, false));
          return;
        }
        if (!ctx.transmitBuffer.tryReserve(bytes, mayUseWaitingSpace)) {
          sq.payloadBlocked = true;
          ctx.transmitBuffer.await(() -> resumePayload(qp, qpEpoch, true));
          return;
        }
        mayUseWaitingSpace = true;
        wqe.bufferedBytes += bytes;
        readyPs = translatedPs;
        ctx.dma.read(readyPs, bytes, new PayloadRead(qp, wqe));
      }
    }
  }

  private void resumePayload(QueuePair qp, int qpEpoch, boolean servedByBuffer) {
    if (qp.epoch != qpEpoch || qp.sendQueue == null) {
      return;
    }
    qp.sendQueue.payloadBlocked = false;
    pumpPayload(qp, ctx.nowPs(), servedByBuffer);
  }

  private void dataReady(QueuePair qp, SendWqe wqe, int chunks, long readyAtPs) {
    wqe.dataReady += chunks;
    wqe.dataReadyAtPs = Math.max(wqe.dataReadyAtPs, readyAtPs);
    if (wqe.dataReady >= wqe.packets && wqe.payloadFetchedPs < 0) {
      wqe.payloadFetchedPs = readyAtPs;
    }
    if (qp.sendQueue.at(qp.sendQueue.transmitted) == wqe) {
      scheduler.activate(qp);
    }
  }

  // ---- packets out ----

  /** Whether the QP's next packet may go now (the scheduler's question). */
  boolean hasPacketToSend(QueuePair qp) {
    SendQueue sq = qp.sendQueue;
    if (qp.state != QpState.RTS || sq == null || sq.transmitted >= sq.fetched) {
      return false;
    }
    if (qp.holdUntilPs > ctx.nowPs()) {
      return false;
    }
    SendWqe wqe = sq.at(sq.transmitted);
    if (wqe.sent >= wqe.dataReady) {
      return false;
    }
    return !wqe.isRead() || wqe.readCounted || qp.readsInFlight < profile.maxReadsInFlightPerQp();
  }

  /** Sends the QP's next packet; returns whether it has another one ready. */
  boolean sendOnePacket(QueuePair qp) {
    SendQueue sq = qp.sendQueue;
    SendWqe wqe = sq.at(sq.transmitted);
    int index = wqe.sent;
    long readyPs = ctx.sendPipeline.pass(Math.max(ctx.nowPs(), wqe.dataReadyAtPs));
    Packet packet;
    if (wqe.isRead()) {
      packet =
          new Packet(
              PacketOpcode.READ_REQUEST,
              ctx.address,
              qp.remoteAddress,
              qp.remoteQpn,
              wqe.firstPsn,
              0,
              wqe.remoteAddress,
              wqe.lengthBytes,
              ctx.packetHeaderBytes);
      if (!wqe.readCounted) {
        wqe.readCounted = true;
        qp.readsInFlight++;
      }
    } else {
      boolean send = wqe.opcode == WorkOpcode.SEND;
      PacketOpcode opcode =
          send ? PacketOpcode.send(index, wqe.packets) : PacketOpcode.write(index, wqe.packets);
      boolean reth = opcode == PacketOpcode.WRITE_FIRST || opcode == PacketOpcode.WRITE_ONLY;
      packet =
          new Packet(
              opcode,
              ctx.address,
              qp.remoteAddress,
              qp.remoteQpn,
              wqe.firstPsn + index,
              (int) wqe.chunkBytes(index, ctx.mtuBytes),
              reth ? wqe.remoteAddress : 0,
              reth ? wqe.lengthBytes : 0,
              ctx.packetHeaderBytes);
    }
    packet.setMeasurementStampPs(wqe.postedPs);
    long departurePs = ctx.port.transmit(readyPs, packet);
    if (wqe.bufferedBytes > 0) {
      long freed = Math.min(wqe.bufferedBytes, packet.payloadBytes());
      wqe.bufferedBytes -= freed;
      ctx.transmitBuffer.release(freed);
    }
    wqe.sent++;
    if (wqe.sent == wqe.packets) {
      wqe.onWirePs = departurePs;
      sq.transmitted++;
      skipAcknowledged(qp, readyPs);
    }
    timer(qp).startAckTimeoutIfIdle(profile.retransmitTimeoutPs());
    return hasPacketToSend(qp);
  }

  // ---- responses in ----

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
        ctx.dma.write(readyAtPs, packet.payloadBytes());
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
  private void skipAcknowledged(QueuePair qp, long readyAtPs) {
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

  // ---- DMA reads of this side ----

  private final class WqeFetch extends DmaRead {
    private final QueuePair qp;
    private final long from;
    private final long to;
    private final int qpEpoch;

    WqeFetch(QueuePair qp, long from, long to) {
      this.qp = qp;
      this.from = from;
      this.to = to;
      this.qpEpoch = qp.epoch;
    }

    @Override
    protected void onDataArrived() {
      if (qp.epoch == qpEpoch && !ctx.removed) {
        wqeFetchArrived(qp, from, to);
      }
    }
  }

  private final class PayloadRead extends DmaRead {
    private final QueuePair qp;
    private final SendWqe wqe;
    private final int wqeEpoch;
    private final int qpEpoch;

    PayloadRead(QueuePair qp, SendWqe wqe) {
      this.qp = qp;
      this.wqe = wqe;
      this.wqeEpoch = wqe.epoch;
      this.qpEpoch = qp.epoch;
    }

    @Override
    protected void onDataArrived() {
      if (qp.epoch == qpEpoch && wqe.epoch == wqeEpoch && !ctx.removed) {
        dataReady(qp, wqe, 1, ctx.nowPs());
      }
    }
  }
}
