package org.rnicsim.model.adapter.transport;

/**
 * Told when the payload of an incoming RDMA WRITE has fully landed in the responder's host memory.
 * A WRITE raises no completion at the responder, so this is how a consumer that polls memory for
 * the last byte (as ib_write_lat does) learns the message is there.
 */
@FunctionalInterface
public interface WriteLandedListener {
  /** The last byte of a WRITE to {@code qp} is visible in host memory now. */
  void writeLanded(QueuePair qp);
}
