package org.rnicsim.ndk.provider.work;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The datapath on rnic-model: every provider QP is an RC {@link
 * org.rnicsim.model.adapter.transport.QueuePair} on its own adapter's {@link
 * org.rnicsim.model.adapter.Rnic}, so posts write WQEs into host rings and ring doorbells over the
 * modelled PCIe link, the adapter fetches, transmits, retransmits and acknowledges, and each
 * completion reaches the provider's CQ when its CQE has landed in host memory (see {@link
 * HardwareQp}). One engine serves every provider of a simulator (each built on its own {@link
 * AdapterNode}), so QPs of different hosts can connect; a provider alone on an adapter uses one of
 * its own.
 *
 * <p>Mapping (assumptions, documented where they apply):
 *
 * <ul>
 *   <li>CreateQp's pending completion waits for the adapter's CREATE_QP (the provider sends no
 *       command of its own); the QP's close waits for DESTROY_QP. The QP then moves to INIT
 *       (MODIFY_QP), and to RTR ({@link #readyToReceive}) and RTS ({@link #readyToSend}) where the
 *       connection layer's handshake asks, each a MODIFY_QP on the QP's own adapter. Posts rung
 *       before the QP is RTS and its peer at least RTR wait and are rung when both ends are ready.
 *   <li>The CQ ring the adapter writes a QP's CQEs into belongs to the provider's CQ, whose
 *       CREATE_CQ already paid for it: the engine keeps one ring per QP and takes each CQE as it
 *       lands, so the ring never overruns.
 *   <li>DEFER: one hardware doorbell per provider doorbell, whatever the batch size.
 *   <li>SendAndInvalidate is a SEND; the token and SEND_AND_SOLICIT_EVENT travel in a side table
 *       the receiver reads in send order (RC delivers Sends in order, and a QP that lost one
 *       delivers nothing after it).
 *   <li>Receive not ready: the adapter answers RNR and the sender retries after the profile's RNR
 *       delay; NDK has no RNR failure, so profiles used with the provider should retry forever
 *       (rnrRetryCount 7, as {@code NdkHosts} sets it).
 *   <li>Flush moves the hardware QP to ERROR and takes back every request not yet reported; the
 *       flush CQEs that follow are dropped. Later posts on it fail with CANCELLED. A disconnect
 *       moves both QPs to ERROR; their initiator requests fail with {@link #PEER_GONE}, their
 *       receives stay queued until the provider's flush cancels them.
 * </ul>
 */
public final class RnicWorkEngine implements WorkRequestEngine {
  // Looked up by identity only; never iterated, so its order cannot leak into the simulation.
  private final Map<WorkQueuePair, HardwareQp> qps = new IdentityHashMap<>();
  private int nextCqn = 1 << 28;
  private long doorbells;
  private long cqes;
  private long lastCqeLandedPs = -1;

  @Override
  public AdapterCommand createQpCommand(
      WorkQueuePair qp,
      AdapterHardware hardware,
      int sendQueueDepth,
      int receiveQueueDepth,
      long inlineDataSize) {
    AdapterNode node = hardware.node();
    if (node == null) {
      throw new IllegalStateException(
          "the rnic-model datapath needs a provider built on an AdapterNode"
              + " (SimNdkProvider.Builder.node)");
    }
    HardwareQp hardwareQp = new HardwareQp(this, qp, node.rnic(), inlineDataSize);
    qps.put(qp, hardwareQp);
    return inDpc -> hardwareQp.create(sendQueueDepth, receiveQueueDepth, inDpc);
  }

  @Override
  public AdapterCommand destroyQpCommand(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    return hardwareQp == null ? null : hardwareQp.destroyCommand();
  }

  @Override
  public void readyToReceive(
      WorkQueuePair qp, WorkQueuePair peer, Runnable onRtr, Consumer<NtStatus> onFailed) {
    HardwareQp own = registered(qp);
    HardwareQp other = registered(peer);
    if (own.connected) {
      throw new IllegalStateException("a QP has one connection at a time");
    }
    QpTransition toRtr = new QpTransition(own, onRtr, onFailed);
    own.joinConnection(other, toRtr);
    own.advance();
    toRtr.progressed(); // a QP flushed or failed before settles it at once
  }

  @Override
  public void readyToSend(WorkQueuePair qp, Runnable onRts, Consumer<NtStatus> onFailed) {
    HardwareQp own = registered(qp);
    if (own.peer == null) {
      throw new IllegalStateException(qp + " moves to RTS only on a connection (RTR first)");
    }
    own.readyToSend(new QpTransition(own, onRts, onFailed));
  }

  @Override
  public boolean isConnected(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    return hardwareQp != null && hardwareQp.connected;
  }

  @Override
  public void disconnect(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    if (hardwareQp == null || !hardwareQp.connected) {
      return;
    }
    HardwareQp peer = hardwareQp.peer;
    hardwareQp.abandonTransition();
    hardwareQp.connected = false;
    hardwareQp.leaveService(PEER_GONE, true);
    if (peer != null && peer.connected && peer.peer == hardwareQp) {
      // A peer still on its way to RTR or RTS hears PEER_GONE through its transition.
      peer.connected = false;
      peer.leaveService(PEER_GONE, true);
    }
  }

  @Override
  public void initiatorDoorbell(WorkQueuePair qp, List<WorkRequest> requests) {
    registered(qp).doorbell(requests);
  }

  @Override
  public void initiatorDoorbell(WorkQueuePair qp, WorkRequest request) {
    registered(qp).doorbell(request);
  }

  @Override
  public void receiveDoorbell(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    if (hardwareQp != null) {
      hardwareQp.pushReceives();
    }
  }

  @Override
  public List<WorkRequest> flush(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    return hardwareQp == null ? List.of() : hardwareQp.flush();
  }

  @Override
  public boolean isIdle(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    return hardwareQp == null || hardwareQp.isIdle();
  }

  @Override
  public void forget(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.remove(qp);
    if (hardwareQp != null) {
      disconnectQuietly(hardwareQp);
      hardwareQp.flush();
      hardwareQp.forget();
    }
  }

  private void disconnectQuietly(HardwareQp hardwareQp) {
    if (hardwareQp.connected) {
      disconnect(hardwareQp.owner);
    }
  }

  /** Hardware send doorbells rung by the engine (one per provider doorbell). */
  public long doorbells() {
    return doorbells;
  }

  /** CQEs that landed in the engine's rings. */
  public long cqesLanded() {
    return cqes;
  }

  /** When the latest CQE landed in host memory, or -1 before the first. */
  public long lastCqeLandedPs() {
    return lastCqeLandedPs;
  }

  void countDoorbell() {
    doorbells++;
  }

  void cqeLanded(long landedPs) {
    cqes++;
    lastCqeLandedPs = landedPs;
  }

  int nextCqn() {
    return nextCqn++;
  }

  private HardwareQp registered(WorkQueuePair qp) {
    HardwareQp hardwareQp = qps.get(qp);
    if (hardwareQp == null) {
      throw new IllegalStateException(
          qp + " has no hardware QP on this engine (QPs that connect must share one engine)");
    }
    return hardwareQp;
  }
}
