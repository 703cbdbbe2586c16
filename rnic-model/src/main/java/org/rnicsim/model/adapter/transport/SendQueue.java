package org.rnicsim.model.adapter.transport;

/**
 * A send queue ring in host memory and the adapter's cursors over it. Cursors count WQEs since the
 * QP was created and only grow; a cursor's slot is its value modulo the depth. In order: {@code
 * completed <= transmitted <= fetched <= fetchIssued <= doorbelled <= posted}.
 */
final class SendQueue {
  final SendWqe[] slots;
  private final int slotMask;

  /** Written by the host. */
  long posted;

  /** Known to the adapter from the last doorbell that landed. */
  long doorbelled;

  /** WQE reads issued (or WQEs pushed with the doorbell). */
  long fetchIssued;

  /** WQEs whose contents the adapter holds. */
  long fetched;

  /** First WQE not yet completely sent. */
  long transmitted;

  /** First WQE not yet completed. */
  long completed;

  /** Doorbelled WQEs whose doorbell time has been stamped. */
  long doorbellStamped;

  /** Doorbelled WQEs whose context-ready time has been stamped. */
  long contextStamped;

  /** WQE fetches (DMA reads of a batch of WQEs) in flight; they are handed on in order. */
  int wqeFetchesInFlight;

  /** The WQE whose payload is fetched next, and its next packet. */
  long payloadCursor;

  int payloadChunk;

  /** The payload cursor waits for a translation fill or transmit-buffer space. */
  boolean payloadBlocked;

  /** Host side: the producer index the last doorbell the host rang carried. */
  long rung;

  SendQueue(int depth) {
    slots = new SendWqe[depth];
    slotMask = Integer.bitCount(depth) == 1 ? depth - 1 : -1;
    for (int i = 0; i < depth; i++) {
      slots[i] = new SendWqe();
    }
  }

  SendWqe at(long index) {
    // The transport looks WQEs up a dozen times per WRITE: a mask, not a 64-bit division, when the
    // depth is a power of two (the same slot: index is never negative).
    return slotMask >= 0 ? slots[(int) (index & slotMask)] : slots[(int) (index % slots.length)];
  }

  int depth() {
    return slots.length;
  }

  boolean isFull() {
    return posted - completed >= slots.length;
  }
}
