package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.trace.ModelTraceEvent.DoorbellLanded;

/**
 * The requester side of the RC transport: from a send doorbell to the send completion.
 *
 * <p>Doorbell landed, then doorbell unit, then QP context and SQ state (hits, or fills), then WQE
 * fetch (one DMA read for up to {@code wqeFetchBatch} WQEs, several in flight; none for a WQE
 * pushed with the doorbell, which mlx5 does for every single-WQE post that fits BlueFlame), then
 * payload fetch (one DMA read per 4 KiB unit, each after its page translation; none for inline
 * data), then the send scheduler takes packets in WQE order as their data arrive, cut-through: a
 * packet is ready once the rest of its payload streams in no slower than the wire sends it. What
 * comes back (ACKs, NAKs, READ responses) and loss recovery are {@link RequesterResponses}. See
 * docs/calibration-latency.md for the published curves these choices are checked against.
 */
final class Requester {
  /**
   * Assumption: WQE fetch batches one QP may have in flight. mlx5 adapters prefetch WQEs ahead of
   * execution; how far is not published.
   */
  static final int WQE_FETCHES_IN_FLIGHT = 4;

  /**
   * Assumption: the payload of a message is read in units of 4 KiB (the largest IB MTU), whatever
   * the port's MTU, and the transmit engine cuts packets from each unit. Published ConnectX-4
   * latencies do not change with the MTU (docs/calibration-latency.md, held-out set); reads per
   * packet would make a 4 KiB SEND about a fifth faster at MTU 256 than at 4096.
   */
  static final long PAYLOAD_READ_UNIT_BYTES = 4096;

  private final TransportContext ctx;
  private final AdapterProfile profile;
  private SendScheduler scheduler;
  private QpErrors errors;
  private RequesterResponses responses;
  // Payload reads whose data has arrived, reused by the next (a stack through nextSpare).
  private PayloadRead spareReads;

  Requester(TransportContext ctx) {
    this.ctx = ctx;
    this.profile = ctx.profile;
  }

  void wire(SendScheduler sendScheduler, QpErrors qpErrors) {
    this.scheduler = sendScheduler;
    this.errors = qpErrors;
    this.responses = new RequesterResponses(ctx, sendScheduler, qpErrors);
  }

  /** ACKs, NAKs and READ responses coming back, and loss recovery. */
  RequesterResponses responses() {
    return responses;
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
    long queuePs = ctx.sendQueueState(qp.qpn, readyPs);
    if (queuePs < 0) {
      ctx.resumeAfterMiss(qp, () -> lookUpContext(qp, ctx.nowPs(), ctx.nowPs()));
      return;
    }
    lookUpContext(qp, readyPs, queuePs);
  }

  /**
   * The QP context lookup, issued with the send-queue state lookup (both are keyed by the QPN the
   * doorbell names), or again once a missed send-queue entry has arrived: the WQE fetch needs both
   * (the ring address and indices from the one, the transport state from the other).
   */
  private void lookUpContext(QueuePair qp, long readyAtPs, long queueReadyPs) {
    long contextPs = ctx.context(qp.qpn, readyAtPs);
    if (contextPs < 0) {
      ctx.resumeAfterMiss(qp, () -> contextReady(qp, ctx.nowPs()));
      return;
    }
    contextReady(qp, Math.max(contextPs, queueReadyPs));
  }

  private void contextReady(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    for (; sq.contextStamped < sq.doorbelled; sq.contextStamped++) {
      sq.at(sq.contextStamped).contextReadyPs = readyAtPs;
    }
    startFetch(qp, readyAtPs);
  }

  /**
   * Fetches doorbelled WQEs in batches of up to {@code wqeFetchBatch}, with up to {@link
   * #WQE_FETCHES_IN_FLIGHT} batches in flight per QP, and hands them on in ring order. A WQE pushed
   * with its doorbell (BlueFlame) needs no fetch but is handed on after the WQEs before it.
   *
   * <p>Why more than one: a fetch takes a whole DMA read latency, so a fetcher with one batch in
   * flight supplies at most one batch per read latency, however fast the port; with posts mixing
   * BlueFlame and fetched WQEs, batches stay small and the fetcher, not the link, set the message
   * rate (a faster port even lowered it, issue 12, 4a).
   */
  private void startFetch(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    while (sq.fetchIssued < sq.doorbelled) {
      SendWqe first = sq.at(sq.fetchIssued);
      if (first.pushed) {
        sq.fetchIssued++;
        first.batchArrivedTo = sq.fetchIssued;
        continue;
      }
      if (sq.wqeFetchesInFlight >= WQE_FETCHES_IN_FLIGHT) {
        break;
      }
      long from = sq.fetchIssued;
      long bytes = 0;
      while (sq.fetchIssued < sq.doorbelled
          && sq.fetchIssued - from < profile.wqeFetchBatch()
          && !sq.at(sq.fetchIssued).pushed) {
        bytes += ctx.wqeSizeBytes(sq.at(sq.fetchIssued));
        sq.fetchIssued++;
      }
      sq.wqeFetchesInFlight++;
      ctx.dma.read(readyAtPs, bytes, new WqeFetch(qp, from, sq.fetchIssued));
    }
    handOnArrived(qp, readyAtPs);
  }

  private void wqeFetchArrived(QueuePair qp, long from, long to) {
    SendQueue sq = qp.sendQueue;
    sq.at(from).batchArrivedTo = to;
    sq.wqeFetchesInFlight--;
    startFetch(qp, ctx.nowPs());
  }

  /** Hands on, in ring order, every WQE whose batch is in and whose predecessors are. */
  private void handOnArrived(QueuePair qp, long readyAtPs) {
    SendQueue sq = qp.sendQueue;
    while (sq.fetched < sq.fetchIssued && sq.at(sq.fetched).batchArrivedTo > sq.fetched) {
      long end = sq.at(sq.fetched).batchArrivedTo;
      while (sq.fetched < end) {
        wqeFetched(qp, sq.at(sq.fetched), readyAtPs);
      }
    }
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
        ctx.translate(
            wqe.localKey, wqe.localAddress, Math.min(wqe.lengthBytes, ctx.mtuBytes), readyAtPs);
    if (readyPs == TransportContext.KEY_FAULT) {
      errors.failSendWqe(qp, wqe, CompletionStatus.LOCAL_PROTECTION_ERROR);
      return;
    }
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
      int packetsPerRead = (int) Math.max(1, PAYLOAD_READ_UNIT_BYTES / ctx.mtuBytes);
      for (; sq.payloadChunk < wqe.packets; sq.payloadChunk += packetsPerRead) {
        int packets = Math.min(packetsPerRead, wqe.packets - sq.payloadChunk);
        long offset = sq.payloadChunk * ctx.mtuBytes;
        long bytes = Math.min(packets * ctx.mtuBytes, wqe.lengthBytes - offset);
        long translatedPs = ctx.translate(wqe.localKey, wqe.localAddress + offset, bytes, readyPs);
        int qpEpoch = qp.epoch;
        if (translatedPs == TransportContext.KEY_FAULT) { // a bad lkey: nothing is read
          errors.failSendWqe(qp, wqe, CompletionStatus.LOCAL_PROTECTION_ERROR);
          return;
        }
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
        ctx.dma.read(readyPs, bytes, payloadRead(qp, wqe, packets, bytes));
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

  /** The QP may have a packet to send again (DCQCN's pacing let it go, or its limit lifted). */
  void reactivate(QueuePair qp) {
    if (ctx.qps.get(qp.qpn) == qp && !ctx.removed) {
      scheduler.activate(qp);
    }
  }

  /**
   * DCQCN paces the QP: it holds the QP (as an RNR NAK does, whichever ends later) until its next
   * packet may go, and its reaction point activates it again then.
   */
  private static void pace(QueuePair qp, int wireBytes) {
    qp.reactionPoint.sent(wireBytes);
    qp.holdUntilPs = Math.max(qp.holdUntilPs, qp.reactionPoint.nextSendPs());
  }

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
      packet.setRemoteKey(wqe.remoteKey);
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
      if (reth) {
        packet.setRemoteKey(wqe.remoteKey);
      }
    }
    packet.setMeasurementStampPs(wqe.postedPs);
    long departurePs = ctx.port.transmit(readyPs, packet);
    if (wqe.bufferedBytes > 0) {
      long freed = Math.min(wqe.bufferedBytes, packet.payloadBytes());
      wqe.bufferedBytes -= freed;
      ctx.transmitBuffer.release(freed);
    }
    if (qp.reactionPoint != null) {
      pace(qp, packet.wireBytes());
    }
    wqe.sent++;
    if (wqe.sent == wqe.packets) {
      wqe.onWirePs = departurePs;
      sq.transmitted++;
      responses.skipAcknowledged(qp, readyPs);
    }
    responses.timer(qp).startAckTimeoutIfIdle(profile.retransmitTimeoutPs());
    return hasPacketToSend(qp);
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

  private PayloadRead payloadRead(QueuePair qp, SendWqe wqe, int packets, long bytes) {
    PayloadRead read = spareReads;
    if (read == null) {
      read = new PayloadRead();
    } else {
      spareReads = read.nextSpare;
    }
    read.qp = qp;
    read.wqe = wqe;
    read.packets = packets;
    read.wqeEpoch = wqe.epoch;
    read.qpEpoch = qp.epoch;
    read.wireLeadPs = ctx.port.serialisationPs(bytes + packets * ctx.packetHeaderBytes);
    return read;
  }

  /** A payload read; one whose data has arrived is kept as a spare for the next (no allocation). */
  private final class PayloadRead extends DmaRead {
    private QueuePair qp;
    private SendWqe wqe;
    private int wqeEpoch;
    private int qpEpoch;
    private int packets;
    private long wireLeadPs;
    private PayloadRead nextSpare;

    /**
     * Cut-through transmit: the packets may start on the wire once the rest of their payload
     * arrives no slower than the wire sends it, so they are ready their wire time before the last
     * byte.
     */
    @Override
    protected long cutThroughLeadPs() {
      return wireLeadPs;
    }

    @Override
    protected void onDataArrived() {
      QueuePair readFor = qp;
      SendWqe into = wqe;
      boolean current = readFor.epoch == qpEpoch && into.epoch == wqeEpoch && !ctx.removed;
      qp = null;
      wqe = null;
      nextSpare = spareReads;
      spareReads = this;
      if (current) {
        dataReady(readFor, into, packets, ctx.nowPs());
      }
    }
  }
}
