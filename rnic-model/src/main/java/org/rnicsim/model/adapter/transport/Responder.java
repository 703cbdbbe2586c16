package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.trace.ModelTraceEvent.DoorbellLanded;

/**
 * The responder side of the RC transport. Requests are taken strictly in PSN order: a duplicate is
 * answered again (an ACK, or the READ data again), a gap gets one sequence-error NAK and is dropped
 * until the requester goes back.
 *
 * <ul>
 *   <li><b>SEND</b> takes the oldest prefetched receive WQE, DMA-writes the payload into its buffer
 *       through the {@link ReceiveBuffer}, ACKs the last packet once its writes left for PCIe and
 *       writes a receive CQE behind the data. With no receive WQE posted it answers
 *       receiver-not-ready.
 *   <li><b>WRITE</b> DMA-writes each packet's payload at the address its first packet carried and
 *       ACKs the last packet once its writes left for PCIe (committed in order, {@link
 *       ReceiveBuffer}).
 *   <li><b>READ</b> looks up its responder state (a second context entry, which is why READs suffer
 *       more from context-cache misses than WRITEs, calibration Q1), DMA-reads the data one
 *       response packet at a time and sends the responses in order.
 * </ul>
 *
 * <p>A WRITE's or READ's rkey is checked where its MPT entry is looked up: a key the adapter holds
 * no region for (never registered, deregistered, invalidated), or a RETH range outside the region,
 * is refused once the entry is in, with a remote-access-error NAK ({@link #refuseAccess}).
 *
 * <p>A step that needs a cache fill or a receive WQE still on its way returns a blocked code before
 * it changes any state, so the receive path can run it again later from the start.
 */
final class Responder {
  static final int DONE = 0;
  static final int BLOCKED_ON_CACHE = 1;
  static final int BLOCKED_ON_RECEIVE_WQE = 2;

  private final TransportContext ctx;
  private QpErrors errors;
  private ReceivePath receivePath;

  Responder(TransportContext ctx) {
    this.ctx = ctx;
  }

  void wire(QpErrors qpErrors, ReceivePath path) {
    this.errors = qpErrors;
    this.receivePath = path;
  }

  // ---- receive queue prefetch ----

  void receiveDoorbellLanded(QueuePair qp, long producerIndex) {
    ReceiveQueue rq = qp.receiveQueue();
    long now = ctx.nowPs();
    if (ctx.trace.isOn()) {
      ctx.trace.emit(new DoorbellLanded(now, ctx.adapterName, qp.qpn, false, producerIndex));
    }
    if (producerIndex > rq.doorbelled) {
      rq.doorbelled = producerIndex;
    }
    if (qp.state == QpState.ERROR) {
      errors.flushNewReceiveWork(qp);
      return;
    }
    if (qp.state == QpState.RESET) {
      return;
    }
    long readyPs = ctx.doorbellUnit.pass(now);
    long contextPs = ctx.context(qp.qpn, readyPs);
    if (contextPs < 0) {
      ctx.resumeAfterMiss(qp, () -> startReceiveFetch(qp, ctx.nowPs()));
      return;
    }
    startReceiveFetch(qp, contextPs);
  }

  /**
   * Fetches doorbelled receive WQEs in batches of up to {@code wqeFetchBatch}, with as many batches
   * in flight per QP as the send side allows ({@link Requester#WQE_FETCHES_IN_FLIGHT}).
   *
   * <p>A fetch of less than a whole batch goes out only when none is in flight: WQEs doorbelled
   * meanwhile wait to join the next batch, so a consumer that rings one doorbell per receive costs
   * no more reads than one that rings once for many (an idle prefetcher fetches at once, a busy one
   * only in whole batches).
   *
   * <p>Why more than one: a fetch is a DMA read, and on PCIe a read request may not pass the posted
   * writes before it, so its latency grows with the payload the adapter is placing. With one batch
   * in flight the receive WQEs arrived at most one batch per read latency: SENDs, not the wire, set
   * the message rate, and a faster port, placing more payload ahead of each fetch, even lowered
   * SEND goodput (issue 12, 4a: ConnectX-6 4 KiB SEND 198.7 -> 159.8 Gb/s at a 400 Gb/s port).
   */
  private void startReceiveFetch(QueuePair qp, long readyAtPs) {
    ReceiveQueue rq = qp.receiveQueue;
    while (rq.fetchesInFlight < Requester.WQE_FETCHES_IN_FLIGHT
        && rq.fetchIssued < rq.doorbelled
        && (rq.fetchesInFlight == 0
            || rq.doorbelled - rq.fetchIssued >= ctx.profile.wqeFetchBatch())) {
      long from = rq.fetchIssued;
      long count = Math.min(ctx.profile.wqeFetchBatch(), rq.doorbelled - from);
      rq.fetchIssued += count;
      rq.fetchesInFlight++;
      ctx.dma.read(
          readyAtPs,
          count * TransportContext.RECEIVE_WQE_BYTES,
          new ReceiveWqeFetch(qp, from, rq.fetchIssued));
    }
  }

  private void receiveWqesArrived(QueuePair qp, long from, long to) {
    ReceiveQueue rq = qp.receiveQueue;
    rq.fetchesInFlight = Math.max(0, rq.fetchesInFlight - 1);
    rq.batchArrivedTo[rq.slot(from)] = to;
    boolean handedOn = false;
    while (rq.fetched < rq.fetchIssued && rq.batchArrivedTo[rq.slot(rq.fetched)] > rq.fetched) {
      rq.fetched = rq.batchArrivedTo[rq.slot(rq.fetched)];
      handedOn = true;
    }
    if (handedOn) {
      receivePath.receiveWqeArrived(qp);
    }
    startReceiveFetch(qp, ctx.nowPs());
  }

  // ---- requests ----

  /** Acts on a request packet for {@code qp}, its context ready at {@code readyAtPs}. */
  int handleRequest(QueuePair qp, Packet packet, long readyAtPs) {
    int psn = packet.psn();
    PacketOpcode opcode = packet.opcode();
    long arrivalPs = packet.timePs();
    if (psn < qp.expectedPsn) {
      return duplicate(qp, packet, readyAtPs, arrivalPs);
    }
    if (psn > qp.expectedPsn) {
      if (!qp.sequenceNakSent) {
        qp.sequenceNakSent = true;
        ctx.sendControl(qp, PacketOpcode.NAK_SEQUENCE_ERROR, qp.expectedPsn, readyAtPs, -1);
      }
      return DONE;
    }
    if (opcode.isSend()) {
      return send(qp, packet, readyAtPs, arrivalPs);
    }
    if (opcode.isWrite()) {
      return write(qp, packet, readyAtPs, arrivalPs);
    }
    return readRequest(qp, packet, readyAtPs, arrivalPs);
  }

  private int duplicate(QueuePair qp, Packet packet, long readyAtPs, long arrivalPs) {
    PacketOpcode opcode = packet.opcode();
    if (opcode == PacketOpcode.READ_REQUEST) {
      return readRequest(qp, packet, readyAtPs, arrivalPs);
    }
    if (opcode.isLastOfMessage()) {
      ctx.sendControl(qp, PacketOpcode.ACK, qp.expectedPsn - 1, readyAtPs, arrivalPs);
    }
    return DONE;
  }

  private int send(QueuePair qp, Packet packet, long readyAtPs, long arrivalPs) {
    ReceiveQueue rq = qp.receiveQueue;
    if ((rq == null || rq.consumed >= rq.doorbelled) && refillFromSharedQueue(qp, readyAtPs)) {
      return BLOCKED_ON_RECEIVE_WQE;
    }
    if (rq == null || rq.consumed >= rq.doorbelled) {
      ctx.sendControl(qp, PacketOpcode.NAK_RECEIVER_NOT_READY, packet.psn(), readyAtPs, -1);
      return DONE;
    }
    if (rq.consumed >= rq.fetched) {
      return BLOCKED_ON_RECEIVE_WQE;
    }
    int slot = rq.slot(rq.consumed);
    long bytes = packet.payloadBytes();
    long translatedPs = ctx.translate(rq.addresses[slot] + rq.placedBytes, bytes, readyAtPs);
    if (translatedPs < 0) {
      return BLOCKED_ON_CACHE;
    }
    long committedPs = ctx.receiveBuffer.place(translatedPs, bytes);
    long landedPs = bytes > 0 ? committedPs + ctx.dma.link().flightLatencyPs() : translatedPs;
    rq.placedBytes += bytes;
    accepted(qp);
    if (packet.opcode().isLastOfMessage()) {
      ctx.sendControl(qp, PacketOpcode.ACK, packet.psn(), committedPs, arrivalPs);
      long cqeLandedPs =
          ctx.cqeWriter.write(
              qp.receiveCq,
              translatedPs,
              rq.wrIds[slot],
              qp.qpn,
              WorkOpcode.RECEIVE,
              CompletionStatus.SUCCESS,
              rq.placedBytes);
      ctx.stages.recordReceive(
          packet.measurementStampPs(), arrivalPs, readyAtPs, landedPs, cqeLandedPs);
      rq.consumed++;
      rq.placedBytes = 0;
      ctx.receiveWqesPosted.add(-1);
    }
    return DONE;
  }

  /**
   * Takes one receive WQE from the QP's SRQ into its ring and starts fetching it; the SEND waits
   * for the fetch. False if the QP has no SRQ or the SRQ is empty.
   */
  private boolean refillFromSharedQueue(QueuePair qp, long readyAtPs) {
    if (qp.sharedReceives == null || !qp.sharedReceives.refill(qp)) {
      return false;
    }
    ReceiveQueue rq = qp.receiveQueue();
    rq.rung = rq.posted;
    rq.doorbelled = rq.posted;
    startReceiveFetch(qp, readyAtPs);
    return true;
  }

  private int write(QueuePair qp, Packet packet, long readyAtPs, long arrivalPs) {
    boolean first = packet.opcode().isFirstOfMessage();
    long address = first ? packet.remoteAddress() : qp.writeAddress;
    int key = first ? packet.remoteKey() : qp.writeKey;
    long bytes = packet.payloadBytes();
    long translatedPs = ctx.translate(key, address, bytes, readyAtPs);
    if (translatedPs == TransportContext.KEY_FAULT) {
      return refuseAccess(qp, packet.psn(), ctx.keyFaultPs);
    }
    if (translatedPs < 0) {
      return BLOCKED_ON_CACHE;
    }
    // The RETH's whole range is checked; a single-packet message's was, just now.
    if (first
        && packet.dmaLengthBytes() > bytes
        && !ctx.permits(key, address, packet.dmaLengthBytes())) {
      return refuseAccess(qp, packet.psn(), translatedPs);
    }
    long committedPs = ctx.receiveBuffer.place(translatedPs, bytes);
    long landedPs = bytes > 0 ? committedPs + ctx.dma.link().flightLatencyPs() : translatedPs;
    qp.writeAddress = address + bytes;
    qp.writeKey = key;
    accepted(qp);
    if (packet.opcode().isLastOfMessage()) {
      // Acknowledged once committed in order (see ReceiveBuffer): never before PCIe took it.
      ctx.sendControl(qp, PacketOpcode.ACK, packet.psn(), committedPs, arrivalPs);
      WriteLandedListener listener = ctx.writeLandedListener;
      if (listener != null) {
        // Posted writes land in order, so the last packet's landing is the message's.
        ctx.simulator.scheduleAt(landedPs, () -> listener.writeLanded(qp));
      }
    }
    return DONE;
  }

  private int readRequest(QueuePair qp, Packet packet, long readyAtPs, long arrivalPs) {
    long statePs = ctx.readResponderState(qp.qpn, readyAtPs);
    if (statePs < 0) {
      return BLOCKED_ON_CACHE;
    }
    long length = packet.dmaLengthBytes();
    int responses = (int) Math.max(1, (length + ctx.mtuBytes - 1) / ctx.mtuBytes);
    if (packet.psn() == qp.expectedPsn) {
      qp.expectedPsn += responses;
      qp.sequenceNakSent = false;
    }
    if (qp.readResponses == null) {
      qp.readResponses = new ReadResponses();
    }
    ReadResponses.Job job =
        new ReadResponses.Job(
            packet.psn(), responses, packet.remoteAddress(), packet.remoteKey(), length, arrivalPs);
    qp.readResponses.jobs.addLast(job);
    if (length == 0) {
      job.readsArrived = 1;
      sendReadyResponses(qp, statePs);
    } else {
      readChunks(qp, job, qp.epoch, 0, statePs);
    }
    return DONE;
  }

  private void readChunks(
      QueuePair qp, ReadResponses.Job job, int qpEpoch, int fromChunk, long readyAtPs) {
    long readyPs = readyAtPs;
    for (int chunk = fromChunk; chunk < job.responses; chunk++) {
      long offset = chunk * ctx.mtuBytes;
      long bytes = job.chunkBytes(chunk, ctx.mtuBytes);
      long translatedPs = ctx.translate(job.sourceKey, job.sourceAddress + offset, bytes, readyPs);
      if (translatedPs == TransportContext.KEY_FAULT) {
        refuseAccess(qp, job.firstPsn, ctx.keyFaultPs);
        return;
      }
      // The RETH's whole range is checked; a single-response READ's was, just now.
      if (chunk == 0
          && job.responses > 1
          && translatedPs >= 0
          && !ctx.permits(job.sourceKey, job.sourceAddress, job.lengthBytes)) {
        refuseAccess(qp, job.firstPsn, translatedPs);
        return;
      }
      if (translatedPs < 0) {
        int next = chunk;
        ctx.resumeAfterMiss(qp, () -> readChunks(qp, job, qpEpoch, next, ctx.nowPs()));
        return;
      }
      readyPs = translatedPs;
      ctx.dma.read(readyPs, bytes, new ResponseRead(qp, job));
    }
  }

  private void sendReadyResponses(QueuePair qp, long readyAtPs) {
    ReadResponses responses = qp.readResponses;
    while (!responses.jobs.isEmpty()) {
      ReadResponses.Job job = responses.jobs.peekFirst();
      while (job.sent < job.readsArrived && job.sent < job.responses) {
        int index = job.sent;
        Packet packet =
            new Packet(
                PacketOpcode.readResponse(index, job.responses),
                ctx.address,
                qp.remoteAddress,
                qp.remoteQpn,
                job.firstPsn + index,
                (int) (job.lengthBytes == 0 ? 0 : job.chunkBytes(index, ctx.mtuBytes)),
                0,
                0,
                ctx.packetHeaderBytes);
        packet.setMeasurementStampPs(job.requestArrivalPs);
        ctx.port.transmit(ctx.sendPipeline.pass(readyAtPs), packet);
        job.sent++;
      }
      if (job.sent < job.responses) {
        return;
      }
      responses.jobs.removeFirst();
    }
  }

  /**
   * The MPT entry refused the request's memory access (a key the adapter holds no region for, or a
   * range outside it): nothing is written or read, the requester gets a remote-access-error NAK for
   * the request's PSN, and this QP goes to ERROR, flushing its own work (what IB asks of a
   * responder that finds an invalid R_Key; Linux rxe does the same).
   */
  private int refuseAccess(QueuePair qp, int psn, long atPs) {
    ctx.sendControl(qp, PacketOpcode.NAK_REMOTE_ACCESS_ERROR, psn, atPs, -1);
    errors.moveToError(qp, null);
    return DONE;
  }

  private void accepted(QueuePair qp) {
    qp.expectedPsn++;
    qp.sequenceNakSent = false;
  }

  private final class ResponseRead extends DmaRead {
    private final QueuePair qp;
    private final ReadResponses.Job job;
    private final int qpEpoch;

    ResponseRead(QueuePair qp, ReadResponses.Job job) {
      this.qp = qp;
      this.job = job;
      this.qpEpoch = qp.epoch;
    }

    @Override
    protected void onDataArrived() {
      if (qp.epoch == qpEpoch && !ctx.removed) {
        job.readsArrived++;
        sendReadyResponses(qp, ctx.nowPs());
      }
    }
  }

  private final class ReceiveWqeFetch extends DmaRead {
    private final QueuePair qp;
    private final long from;
    private final long to;
    private final int qpEpoch;

    ReceiveWqeFetch(QueuePair qp, long from, long to) {
      this.qp = qp;
      this.from = from;
      this.to = to;
      this.qpEpoch = qp.epoch;
    }

    @Override
    protected void onDataArrived() {
      if (qp.epoch == qpEpoch && !ctx.removed) {
        receiveWqesArrived(qp, from, to);
      }
    }
  }
}
