package org.rnicsim.ndk.provider.work;

import java.util.List;

/**
 * The seam between the provider's queues and the hardware that executes them (ndkpi-spec 5): the
 * provider writes WQEs and rings doorbells, the engine carries the requests out and reports each
 * completion once its CQE has landed. {@link LoopbackWorkEngine} stands in until the rnic-model
 * datapath (doorbells, QP contexts, DMA, CQE writes) replaces it behind this same interface.
 *
 * <p>Contract: every request handed over by {@link #initiatorDoorbell} is reported exactly once
 * through {@link WorkQueuePair#initiatorDone}, unless {@link #flush} returned it first.
 */
public interface WorkRequestEngine {

  /** Joins two QPs into one reliable connection; posts on either reach the other. */
  void connect(WorkQueuePair a, WorkQueuePair b);

  /** True while {@code qp} is connected. */
  boolean isConnected(WorkQueuePair qp);

  /**
   * Ends {@code qp}'s connection (a disconnect, or the QP's destruction); requests still waiting on
   * either side fail as the engine decides.
   */
  void disconnect(WorkQueuePair qp);

  /** A doorbell: the hardware learns of {@code requests}, in post order. */
  void initiatorDoorbell(WorkQueuePair qp, List<WorkRequest> requests);

  /** New receives are posted and rung on {@code qp} (or its SRQ). */
  void receiveDoorbell(WorkQueuePair qp);

  /**
   * Stops all initiator work of {@code qp}; returns the requests not yet reported, in post order.
   * None of them will be reported afterwards.
   */
  List<WorkRequest> flush(WorkQueuePair qp);

  /** True if no request of {@code qp} is in the hardware. */
  boolean isIdle(WorkQueuePair qp);

  /** {@code qp} is destroyed: the engine drops everything it kept for it. */
  void forget(WorkQueuePair qp);
}
