package org.rnicsim.model.adapter.transport;

/**
 * A shared receive queue (SRQ) as the responder of an attached QP sees it: when a SEND finds the
 * QP's own receive ring empty, the responder asks the SRQ for its next receive WQE instead of
 * answering receiver-not-ready. Assumption: the SRQ's WQE is written into the QP's ring at that
 * moment and fetched by the usual receive WQE DMA read, so an SRQ receive costs what a prefetch
 * miss on a private ring costs.
 */
@FunctionalInterface
public interface SharedReceiveSource {
  /**
   * Writes the SRQ's oldest posted receive into {@code qp}'s receive ring (as {@link
   * RcTransport#postReceive} does); returns false if the SRQ holds none.
   */
  boolean refill(QueuePair qp);
}
