package org.rnicsim.ndk.provider.work;

import java.util.List;
import java.util.function.Consumer;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.CqeBatch;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * One provider QP's hardware side in {@link RnicWorkEngine}: the rnic-model {@link QueuePair} on
 * its own adapter, its state transitions and the CQ ring its CQEs land in. Its {@link
 * InitiatorRing} and {@link ReceiveRing} map hardware work request ids back to the provider's
 * {@link WorkRequest}s.
 *
 * <p>Life: created through the adapter's control path (CREATE_QP), moved to INIT at once (so
 * receives reach the ring before the connection exists), to RTR towards its peer and then to RTS
 * when the connection layer asks ({@link #joinConnection}, {@link #readyToSend}); a {@link
 * QpTransition} tells it when the QP got there. Initiator doorbells that arrive before this QP is
 * RTS and its peer at least RTR wait in the initiator ring and are rung, one hardware doorbell per
 * provider doorbell, when they are.
 */
final class HardwareQp {
  private final RnicWorkEngine engine;
  final WorkQueuePair owner;
  final Rnic rnic;
  private CompletionQueue cq;
  QueuePair hw;
  HardwareQp peer;
  boolean connected;
  // The state the connection layer asked for, and who to tell when the QP is there.
  private QpState wanted = QpState.INIT;
  private QpTransition transition;
  private boolean rtrIssued;
  private boolean rtsIssued;
  private boolean destroyIssued;
  private boolean gone;
  private boolean resetting;

  /** Null while in service; the status requests get once the QP left it (flush, disconnect). */
  private NtStatus leftServiceWith;

  private long nextWrId = 1;
  private final InitiatorRing initiator;
  private final CqeBatch landedBatch = new CqeBatch();
  final ReceiveRing receives = new ReceiveRing(this);

  HardwareQp(RnicWorkEngine engine, WorkQueuePair owner, Rnic rnic, long inlineDataSize) {
    this.engine = engine;
    this.owner = owner;
    this.rnic = rnic;
    this.initiator = new InitiatorRing(this, engine, inlineDataSize);
  }

  // ---- control path ----

  /** CREATE_QP on the adapter; {@code inDpc} gets its outcome in the command's DPC. */
  void create(int sendQueueDepth, int receiveQueueDepth, Consumer<NtStatus> inDpc) {
    cq =
        new CompletionQueue(
            rnic.simulator(),
            engine.nextCqn(),
            sendQueueDepth + receiveQueueDepth,
            landed -> cqesLanded());
    rnic.createQp(
        cq,
        cq,
        sendQueueDepth,
        receiveQueueDepth,
        created -> {
          hw = created;
          inDpc.accept(NtStatus.SUCCESS);
          if (gone) {
            destroy(status -> {});
            return;
          }
          if (owner.usesSharedReceiveQueue()) {
            rnic.attachSharedReceives(hw, receives::refillFromSharedQueue);
          }
          rnic.modifyQp(hw, QpState.INIT, this::onInit, this::controlFailed);
          if (peer != null) {
            peer.advance();
          }
        },
        message -> inDpc.accept(FirmwareGateway.statusOfFailure(message)));
  }

  /** DESTROY_QP; null if there is no hardware QP (yet) to destroy. */
  AdapterCommand destroyCommand() {
    if (hw == null || destroyIssued) {
      return null;
    }
    return this::destroy;
  }

  private void destroy(Consumer<NtStatus> inDpc) {
    destroyIssued = true;
    rnic.destroyQp(
        hw,
        () -> inDpc.accept(NtStatus.SUCCESS),
        message -> inDpc.accept(FirmwareGateway.statusOfFailure(message)));
  }

  private void onInit() {
    receives.push();
    advance();
  }

  /**
   * Joins a connection towards {@code newPeer}: the QP moves to RTR (MODIFY_QP with the peer's
   * QPN), and {@code toRtr} is told when it is there. A QP that was connected before goes back
   * through RESET to INIT first (its hardware rings are dropped; what they held is cancelled by the
   * provider's next flush).
   */
  void joinConnection(HardwareQp newPeer, QpTransition toRtr) {
    boolean reused = peer != null;
    peer = newPeer;
    transition = toRtr;
    wanted = QpState.RTR;
    connected = true;
    if (!reused) {
      return;
    }
    leftServiceWith = null;
    rtrIssued = false;
    rtsIssued = false;
    receives.reset();
    if (hw == null) {
      return;
    }
    resetting = true;
    Runnable toInit =
        () ->
            rnic.modifyQp(
                hw,
                QpState.INIT,
                () -> {
                  resetting = false;
                  onInit();
                },
                this::controlFailed);
    if (hw.state() == QpState.RESET) {
      toInit.run();
    } else {
      rnic.modifyQp(hw, QpState.RESET, toInit, this::controlFailed);
    }
  }

  /** The QP, RTR already or on its way there, moves on to RTS; {@code toRts} is told. */
  void readyToSend(QpTransition toRts) {
    if (transition != null) {
      transition.abandon();
    }
    transition = toRts;
    wanted = QpState.RTS;
    advance();
    transitionProgressed(); // a QP that left service already settles it at once
  }

  /** Issues the next MODIFY_QP towards the wanted state, once the hardware QPs exist. */
  void advance() {
    if (gone || resetting || leftServiceWith != null || hw == null) {
      return;
    }
    if (hw.state() == QpState.INIT && wanted != QpState.INIT) {
      if (peer == null || peer.hw == null || rtrIssued) {
        return;
      }
      rtrIssued = true;
      rnic.connectQp(hw, peer.rnic.address(), peer.hw.qpn(), this::onRtr, this::controlFailed);
    } else if (hw.state() == QpState.RTR && wanted == QpState.RTS && !rtsIssued) {
      rtsIssued = true;
      rnic.modifyQp(hw, QpState.RTS, this::onRts, this::controlFailed);
    }
  }

  private void onRtr() {
    // A stale answer: the QP was reset for a new connection (or failed) while this RTR command
    // ran; the adapter left it where it was, and the new connection issues its own commands.
    if (gone || leftServiceWith != null || resetting || hw.state() != QpState.RTR) {
      return;
    }
    if (peer != null) {
      peer.initiator.ringWaiting();
    }
    transitionProgressed();
    advance();
  }

  private void onRts() {
    initiator.ringWaiting();
    if (peer != null) {
      peer.initiator.ringWaiting();
    }
    transitionProgressed();
  }

  /** A modify timed out or met a removed adapter: the QP is out of service. */
  private void controlFailed(String message) {
    leaveService(FirmwareGateway.statusOfFailure(message), true);
  }

  /**
   * How the QP's way to the wanted state ended: null while it is on the way; SUCCESS once it is
   * there (RTS counts as past RTR), or once the consumer flushed it (the handshake is done, the
   * flushed QP takes no work: as a flush after establishment); else why it left service (a failed
   * MODIFY_QP, the peer's QP torn down).
   */
  NtStatus transitionOutcome() {
    if (leftServiceWith != null) {
      return NtStatus.CANCELLED.equals(leftServiceWith) ? NtStatus.SUCCESS : leftServiceWith;
    }
    if (gone || resetting || hw == null) {
      return null;
    }
    QpState state = hw.state();
    if (state == QpState.ERROR) {
      return WorkRequestEngine.PEER_GONE;
    }
    boolean there = state == wanted || (wanted == QpState.RTR && state == QpState.RTS);
    return there ? NtStatus.SUCCESS : null;
  }

  private void transitionProgressed() {
    if (transition != null) {
      transition.progressed();
    }
  }

  /** The connection ended (disconnect, destruction): the transition says nothing more. */
  void abandonTransition() {
    if (transition != null) {
      transition.abandon();
      transition = null;
    }
  }

  // ---- in service ----

  /** Both ends can take requests: this QP is RTS and the peer at least RTR. */
  boolean ready() {
    return failure() == null
        && hw != null
        && hw.state() == QpState.RTS
        && peer != null
        && peer.hw != null
        && (peer.hw.state() == QpState.RTR || peer.hw.state() == QpState.RTS);
  }

  /** Why requests cannot run any more, or null while the QP is in service. */
  NtStatus failure() {
    if (leftServiceWith != null) {
      return leftServiceWith;
    }
    if (resetting) {
      return null;
    }
    return hw != null && hw.state() == QpState.ERROR ? hardwareFlushStatus() : null;
  }

  boolean isGone() {
    return gone;
  }

  /** Hardware work request ids, one sequence for both rings. */
  long nextWrId() {
    return nextWrId++;
  }

  void doorbell(List<WorkRequest> requests) {
    initiator.doorbell(requests);
  }

  void doorbell(WorkRequest request) {
    initiator.doorbell(request);
  }

  void pushReceives() {
    receives.push();
  }

  /** CQEs landed in host memory: each is reported now, at its landing time. */
  private void cqesLanded() {
    // The CQ tells its listener from its landing event, so this does not run inside itself and one
    // batch serves every landing (a Completion per CQE, and a fresh list, showed in bench model's
    // allocation profile); a fresh batch still covers a consumer that runs the simulator from
    // inside a completion.
    CqeBatch landed = landedBatch.isEmpty() ? landedBatch : new CqeBatch();
    cq.poll(Integer.MAX_VALUE, landed);
    try {
      for (int i = 0; i < landed.size(); i++) {
        if (gone) {
          return;
        }
        engine.cqeLanded(landed.landedPs(i));
        if (landed.opcode(i) == WorkOpcode.RECEIVE) {
          receives.completed(landed.completion(i));
        } else {
          initiator.completed(landed.wrId(i), landed.status(i));
        }
      }
    } finally {
      landed.clear();
    }
  }

  /**
   * Provider-defined statuses (docs/ndk-lifetime-rules.md: CQ error codes other than CANCELLED are
   * the provider's own): a flushed request gets the reason the QP left service ({@link
   * #hardwareFlushStatus} if the adapter moved it); exhausted transport or RNR retries are
   * IO_TIMEOUT; a memory access the responder refused (a remote access error) or the requester's
   * adapter refused (a local protection error: a bad lkey) is ACCESS_VIOLATION; a surprise removal
   * is DEVICE_REMOVED.
   */
  NtStatus statusOf(CompletionStatus status) {
    return switch (status) {
      case SUCCESS -> NtStatus.SUCCESS;
      case FLUSH_ERROR -> leftServiceWith != null ? leftServiceWith : hardwareFlushStatus();
      case RETRY_EXCEEDED, RNR_RETRY_EXCEEDED -> NtStatus.IO_TIMEOUT;
      case REMOTE_ACCESS_ERROR, LOCAL_PROTECTION_ERROR -> NtStatus.ACCESS_VIOLATION;
      case ADAPTER_REMOVED -> FirmwareGateway.DEVICE_REMOVED;
    };
  }

  /**
   * Why requests flush once the adapter moved the QP to ERROR by itself: after a memory key fault
   * of this QP's own request (ACCESS_VIOLATION on that request) the rest are CANCELLED, as a flush
   * cancels them; after anything else (retries exhausted, the peer's request refused here) the peer
   * is taken for gone.
   */
  private NtStatus hardwareFlushStatus() {
    CompletionStatus cause = hw == null ? null : hw.errorCause();
    return cause == CompletionStatus.REMOTE_ACCESS_ERROR
            || cause == CompletionStatus.LOCAL_PROTECTION_ERROR
        ? NtStatus.CANCELLED
        : WorkRequestEngine.PEER_GONE;
  }

  // ---- leaving service ----

  /** Takes back every request not yet reported; none of them is reported later. */
  List<WorkRequest> flush() {
    List<WorkRequest> left = initiator.takeBackAll();
    receives.forgetPosted();
    leaveService(NtStatus.CANCELLED, false);
    return left;
  }

  /**
   * Moves the hardware QP to ERROR (its outstanding WQEs flush); requests still waiting for the
   * connection fail with {@code status} if {@code failWaiting}.
   */
  void leaveService(NtStatus status, boolean failWaiting) {
    if (leftServiceWith == null) {
      leftServiceWith = status;
    }
    // A QP whose DESTROY_QP was issued needs no MODIFY_QP to ERROR: the destroy takes it out of
    // service itself, and a modify queued behind it would only hold the next close's command.
    if (hw != null
        && hw.state() != QpState.ERROR
        && hw.state() != QpState.RESET
        && !gone
        && !destroyIssued) {
      rnic.modifyQp(hw, QpState.ERROR, () -> {}, message -> {});
    }
    if (failWaiting) {
      initiator.failWaiting(status);
    }
    transitionProgressed();
  }

  boolean isIdle() {
    return initiator.isIdle();
  }

  /** The provider QP is gone: destroy the hardware QP unless its close did already. */
  void forget() {
    gone = true;
    if (hw != null && !destroyIssued) {
      destroy(status -> {});
    }
  }
}
