package org.rnicsim.ndk.provider.work;

import java.util.List;
import java.util.function.Consumer;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The seam between the provider's queues and the hardware that executes them (ndkpi-spec 5): the
 * provider writes WQEs and rings doorbells, the engine carries the requests out and reports each
 * completion once its CQE has landed ({@link RnicWorkEngine}, on the rnic-model adapter).
 *
 * <p>Contract: every request handed over by {@link #initiatorDoorbell} is reported exactly once
 * through {@link WorkQueuePair#initiatorDone}, unless {@link #flush} returned it first.
 */
public interface WorkRequestEngine {

  /**
   * STATUS_CONNECTION_RESET (0xC000020D, provider-defined per ndkpi-spec 5): the request's
   * connection is gone.
   */
  NtStatus PEER_GONE = NtStatus.of(0xC000_020D);

  /**
   * Joins two QPs into one reliable connection at once, both sides together (no handshake: tests
   * and benches); posts on either reach the other.
   */
  default void connect(WorkQueuePair a, WorkQueuePair b) {
    readyToReceive(a, b, () -> readyToSend(a, () -> {}, status -> {}), status -> {});
    readyToReceive(b, a, () -> readyToSend(b, () -> {}, status -> {}), status -> {});
  }

  /**
   * Connects {@code qp} towards {@code peer} so it can receive from it (on hardware: MODIFY_QP INIT
   * -> RTR with the peer's QPN, as the IB CM does before it sends REP, or on receiving REP), and
   * runs {@code onRtr} once it is there, or {@code onFailed} with the provider's status if it
   * cannot get there (a firmware command timed out, the adapter was removed, the peer's QP was
   * disconnected). Neither runs if {@code qp} is disconnected first.
   */
  void readyToReceive(
      WorkQueuePair qp, WorkQueuePair peer, Runnable onRtr, Consumer<NtStatus> onFailed);

  /**
   * Moves {@code qp}, connected by {@link #readyToReceive}, on so it can send (on hardware:
   * MODIFY_QP RTR -> RTS); {@code onRts} or {@code onFailed} as there.
   */
  void readyToSend(WorkQueuePair qp, Runnable onRts, Consumer<NtStatus> onFailed);

  /** True while {@code qp} is connected. */
  boolean isConnected(WorkQueuePair qp);

  /**
   * Ends {@code qp}'s connection (a disconnect, or the QP's destruction); requests still waiting on
   * either side fail as the engine decides.
   */
  void disconnect(WorkQueuePair qp);

  /** A doorbell: the hardware learns of {@code requests}, in post order. */
  void initiatorDoorbell(WorkQueuePair qp, List<WorkRequest> requests);

  /** A doorbell covering the one request {@code request}: as a batch of one. */
  default void initiatorDoorbell(WorkQueuePair qp, WorkRequest request) {
    initiatorDoorbell(qp, List.of(request));
  }

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

  /**
   * The adapter command that creates {@code qp}'s hardware side, which the NDK create waits for
   * instead of a provider command of its own; null if the engine keeps no hardware QP (the provider
   * then sends its own CREATE_QP).
   *
   * @param sendQueueDepth the initiator queue depth
   * @param receiveQueueDepth the receive queue depth (for a QP on an SRQ: how many SRQ receives its
   *     ring may hold at once)
   * @param inlineDataSize the QP's InlineDataSize: Sends and Writes up to it travel inline
   */
  default AdapterCommand createQpCommand(
      WorkQueuePair qp,
      AdapterHardware hardware,
      int sendQueueDepth,
      int receiveQueueDepth,
      long inlineDataSize) {
    return null;
  }

  /**
   * The adapter command that destroys {@code qp}'s hardware side when its close completes; null if
   * there is none (the provider then sends its own DESTROY_QP).
   */
  default AdapterCommand destroyQpCommand(WorkQueuePair qp) {
    return null;
  }
}
