package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.WorkOpcode;

/**
 * One slot of a send queue ring: the request as the host wrote it, the adapter's progress on it,
 * and the timestamps of the per-stage breakdown. Slots are reused, never reallocated; {@code epoch}
 * changes whenever a slot's request is finished, so a DMA read that returns for an old request is
 * recognised and ignored.
 */
final class SendWqe {
  // As posted by the host.
  long wrId;
  WorkOpcode opcode;
  long localAddress;
  long lengthBytes;
  long remoteAddress;
  boolean signalled;
  boolean inline;
  int localKey;
  int remoteKey;

  /** Written to the adapter with the doorbell (BlueFlame): no WQE fetch. */
  boolean pushed;

  // Adapter progress.
  int epoch;
  int packets;
  int psnCount;
  int firstPsn;
  int dataReady;
  int sent;
  int responsesReceived;
  boolean readCounted;
  boolean acknowledged;
  long dataReadyAtPs;

  /** For the first WQE of a fetched batch: the end of the batch once its read arrived, else -1. */
  long batchArrivedTo;

  /** Transmit-buffer bytes this WQE's fetched, unsent payload holds. */
  long bufferedBytes;

  // Per-stage timestamps (ps).
  long postedPs;
  long doorbellPs;
  long contextReadyPs;
  long wqeFetchedPs;
  long payloadFetchedPs;
  long onWirePs;
  long atResponderPs;
  long ackPs;

  /** Writes a posted request's fields (those of a {@link SendWorkRequest}) into this slot. */
  void fill(
      long wrId,
      WorkOpcode opcode,
      long localAddress,
      long lengthBytes,
      long remoteAddress,
      boolean signalled,
      boolean inline,
      int localKey,
      int remoteKey,
      long nowPs,
      long mtuBytes) {
    this.wrId = wrId;
    this.opcode = opcode;
    this.localAddress = localAddress;
    this.lengthBytes = lengthBytes;
    this.remoteAddress = remoteAddress;
    this.signalled = signalled;
    this.inline = inline;
    this.localKey = localKey;
    this.remoteKey = remoteKey;
    pushed = false;
    int messagePackets = (int) Math.max(1, (lengthBytes + mtuBytes - 1) / mtuBytes);
    packets = opcode == WorkOpcode.RDMA_READ ? 1 : messagePackets;
    // A READ request uses one PSN per response packet (IB spec 9.7.1).
    psnCount = messagePackets;
    firstPsn = -1;
    dataReady = 0;
    sent = 0;
    responsesReceived = 0;
    readCounted = false;
    acknowledged = false;
    dataReadyAtPs = 0;
    bufferedBytes = 0;
    batchArrivedTo = -1;
    postedPs = nowPs;
    doorbellPs = -1;
    contextReadyPs = -1;
    wqeFetchedPs = -1;
    payloadFetchedPs = -1;
    onWirePs = -1;
    atResponderPs = -1;
    ackPs = -1;
  }

  int lastPsn() {
    return firstPsn + psnCount - 1;
  }

  /** Payload bytes of packet (or response) {@code index}. */
  long chunkBytes(int index, long mtuBytes) {
    return Math.min(mtuBytes, lengthBytes - index * mtuBytes);
  }

  boolean isRead() {
    return opcode == WorkOpcode.RDMA_READ;
  }
}
