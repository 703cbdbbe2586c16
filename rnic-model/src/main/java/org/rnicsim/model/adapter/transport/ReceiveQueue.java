package org.rnicsim.model.adapter.transport;

/**
 * A receive queue ring in host memory and the adapter's cursors over it: {@code consumed <= fetched
 * <= fetchIssued <= doorbelled <= posted}. The adapter prefetches receive WQEs when their doorbell
 * lands, so an incoming SEND usually finds one on the adapter (assumption: ConnectX-class adapters
 * keep a few receive WQEs per QP ahead).
 */
final class ReceiveQueue {
  final long[] wrIds;
  final long[] addresses;
  final long[] lengthsBytes;
  long posted;
  long doorbelled;
  long fetchIssued;
  long fetched;
  long consumed;

  /** Receive-WQE fetch batches in flight (at most {@link Requester#WQE_FETCHES_IN_FLIGHT}). */
  int fetchesInFlight;

  /**
   * Per slot: the end of the fetch batch that starts there, once it has arrived; batches may arrive
   * out of order and are handed on in ring order. A value at or below {@code fetched} is from an
   * earlier lap.
   */
  final long[] batchArrivedTo;

  /** Host side: the producer index the last doorbell the host rang carried. */
  long rung;

  /** Bytes of the current incoming multi-packet SEND placed so far. */
  long placedBytes;

  ReceiveQueue(int depth) {
    wrIds = new long[depth];
    addresses = new long[depth];
    lengthsBytes = new long[depth];
    batchArrivedTo = new long[depth];
  }

  int slot(long index) {
    return (int) (index % wrIds.length);
  }

  boolean isFull() {
    return posted - consumed >= wrIds.length;
  }
}
