package org.rnicsim.ndk.provider.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.runtime.FirmwareGateway;

/**
 * One provider QP's hardware side in {@link RnicWorkEngine}: the rnic-model {@link QueuePair} on
 * its own adapter, the CQ ring its CQEs land in, and the tables that map hardware work request ids
 * back to the provider's {@link WorkRequest}s.
 *
 * <p>Life: created through the adapter's control path (CREATE_QP), moved to INIT at once (so
 * receives reach the ring before the connection exists), to RTR and RTS when connected; its {@link
 * QpJoin} tells the connection layer when both QPs are RTS. Initiator doorbells that arrive before
 * both QPs of the connection are ready wait here and are rung, one hardware doorbell per provider
 * doorbell, when they are.
 */
final class HardwareQp {
  /** What the receiver needs to know about one Send the peer rang toward it. */
  private record InboundSend(int invalidateToken, boolean solicited) {}

  private final RnicWorkEngine engine;
  final WorkQueuePair owner;
  final Rnic rnic;
  private final long inlineDataSize;
  private CompletionQueue cq;
  QueuePair hw;
  HardwareQp peer;
  boolean connected;
  // The connection this QP is on its way into, until both QPs are RTS (or it failed or ended).
  private QpJoin join;
  private boolean rtrIssued;
  private boolean destroyIssued;
  private boolean gone;
  private boolean resetting;

  /** Null while in service; the status requests get once the QP left it (flush, disconnect). */
  private NtStatus leftServiceWith;

  private long nextWrId = 1;
  private final ArrayDeque<List<WorkRequest>> waitingBatches = new ArrayDeque<>();
  // Hardware wrId -> provider request, in send-queue order (RC completes in that order).
  private final LinkedHashMap<Long, WorkRequest> sent = new LinkedHashMap<>();
  private final Map<Long, WorkRequest> receives = new HashMap<>();
  // Sends the peer rang toward this QP, in the order they consume this QP's receives.
  private final ArrayDeque<InboundSend> inboundSends = new ArrayDeque<>();

  HardwareQp(RnicWorkEngine engine, WorkQueuePair owner, Rnic rnic, long inlineDataSize) {
    this.engine = engine;
    this.owner = owner;
    this.rnic = rnic;
    this.inlineDataSize = inlineDataSize;
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
            rnic.attachSharedReceives(hw, this::refillFromSharedQueue);
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
    pushReceives();
    advance();
  }

  /**
   * Joins a connection. A QP that was connected before goes back through RESET to INIT first (its
   * hardware rings are dropped; what they held is cancelled by the provider's next flush).
   */
  void joinConnection(HardwareQp newPeer, QpJoin newJoin) {
    boolean reused = peer != null;
    peer = newPeer;
    join = newJoin;
    connected = true;
    if (!reused) {
      return;
    }
    leftServiceWith = null;
    rtrIssued = false;
    receives.clear();
    inboundSends.clear();
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

  /** Connects to the peer once both hardware QPs exist: INIT -> RTR -> RTS. */
  void advance() {
    if (gone || resetting || leftServiceWith != null || hw == null) {
      return;
    }
    if (hw.state() != QpState.INIT) {
      return;
    }
    if (peer == null || peer.hw == null || rtrIssued) {
      return;
    }
    rtrIssued = true;
    rnic.connectQp(hw, peer.rnic.address(), peer.hw.qpn(), this::onRtr, this::controlFailed);
  }

  private void onRtr() {
    // A stale answer: the QP was reset for a new connection (or failed) while this RTR command
    // ran; the adapter left it where it was, and the new connection issues its own commands.
    if (gone || leftServiceWith != null || resetting || hw.state() != QpState.RTR) {
      return;
    }
    rnic.modifyQp(hw, QpState.RTS, this::onRts, this::controlFailed);
    if (peer != null) {
      peer.ringWaiting();
    }
  }

  private void onRts() {
    ringWaiting();
    if (peer != null) {
      peer.ringWaiting();
    }
    joinProgressed();
  }

  /** A modify timed out or met a removed adapter: the QP is out of service. */
  private void controlFailed(String message) {
    leaveService(FirmwareGateway.statusOfFailure(message), true);
  }

  /**
   * How this side of a join ended: null while its QP is still on the way to RTS; SUCCESS once it is
   * RTS, or once the consumer flushed it (the handshake is done, the flushed QP takes no work: as a
   * flush after establishment); else why it left service (a failed MODIFY_QP).
   */
  NtStatus joinOutcome() {
    if (leftServiceWith != null) {
      return NtStatus.CANCELLED.equals(leftServiceWith) ? NtStatus.SUCCESS : leftServiceWith;
    }
    if (gone || resetting || hw == null) {
      return null;
    }
    return switch (hw.state()) {
      case RTS -> NtStatus.SUCCESS;
      case ERROR -> WorkRequestEngine.PEER_GONE;
      default -> null;
    };
  }

  private void joinProgressed() {
    if (join != null) {
      join.progressed();
    }
  }

  /** The connection ended (disconnect, destruction): the join, if any, says nothing more. */
  void abandonJoin() {
    if (join != null) {
      join.abandon();
      join = null;
    }
  }

  // ---- initiator ----

  /** Both ends can take requests: this QP is RTS and the peer at least RTR. */
  private boolean ready() {
    return failure() == null
        && hw != null
        && hw.state() == QpState.RTS
        && peer != null
        && peer.hw != null
        && (peer.hw.state() == QpState.RTR || peer.hw.state() == QpState.RTS);
  }

  /** Why requests cannot run any more, or null while the QP is in service. */
  private NtStatus failure() {
    if (leftServiceWith != null) {
      return leftServiceWith;
    }
    if (resetting) {
      return null;
    }
    return hw != null && hw.state() == QpState.ERROR ? WorkRequestEngine.PEER_GONE : null;
  }

  void doorbell(List<WorkRequest> requests) {
    NtStatus failed = failure();
    if (failed != null) {
      for (WorkRequest request : requests) {
        owner.initiatorDone(request, failed);
      }
    } else if (ready()) {
      ring(requests);
    } else {
      waitingBatches.addLast(requests);
    }
  }

  private void ringWaiting() {
    while (ready() && !waitingBatches.isEmpty()) {
      ring(waitingBatches.pollFirst());
    }
  }

  /** Writes one WQE per request and rings one doorbell for all of them. */
  private void ring(List<WorkRequest> requests) {
    for (int i = 0; i < requests.size(); i++) {
      WorkRequest request = requests.get(i);
      long wrId = nextWrId++;
      sent.put(wrId, request);
      if (request.consumesReceive()) {
        peer.inboundSends.addLast(
            new InboundSend(request.invalidateToken(), request.solicitsEvent()));
      }
      if (!rnic.postSend(hw, toHardware(wrId, request, i == requests.size() - 1))) {
        throw new IllegalStateException(hw + ": send ring full, the provider over-posted");
      }
    }
    engine.countDoorbell();
    rnic.ringSendDoorbell(hw);
  }

  /**
   * The WQE of one request. SILENT_SUCCESS requests are unsignalled, except the last of each
   * doorbell, which the driver always signals so it learns when the ring slots are free (an
   * unsignalled WQE completes when a later one's CQE arrives; its own success is not reported to
   * the consumer either way). Bind, FastRegister and Invalidate have no rnic-model opcode: they run
   * as a zero-length RDMA WRITE, ordered and completed with the queue's other WQEs (assumption: a
   * real adapter completes them without the wire, about one round trip sooner).
   */
  private SendWorkRequest toHardware(long wrId, WorkRequest request, boolean lastOfDoorbell) {
    boolean signalled = !request.silentSuccess() || lastOfDoorbell;
    long local = Math.max(0, request.localAddress());
    long remote = Math.max(0, request.remoteAddress());
    long maxInline = Math.min(inlineDataSize, rnic.profile().adapter().maxInlineBytes());
    boolean inline =
        request.bytes() <= rnic.profile().adapter().maxInlineBytes()
            && (NdkOpFlag.INLINE.isSetIn(request.flags()) || request.bytes() <= maxInline);
    if (request.isLocalOperation()) {
      return new SendWorkRequest(wrId, WorkOpcode.RDMA_WRITE, 0, 0, 0, signalled, false);
    }
    return switch (request.type()) {
      case SEND ->
          new SendWorkRequest(wrId, WorkOpcode.SEND, local, request.bytes(), 0, signalled, inline);
      case WRITE ->
          new SendWorkRequest(
              wrId, WorkOpcode.RDMA_WRITE, local, request.bytes(), remote, signalled, inline);
      case READ ->
          new SendWorkRequest(
              wrId, WorkOpcode.RDMA_READ, local, request.bytes(), remote, signalled, false);
      default -> throw new IllegalArgumentException(request.type() + " is not an initiator post");
    };
  }

  // ---- receives ----

  /** Moves the provider's rung receives into the hardware ring, with one doorbell. */
  void pushReceives() {
    if (gone || hw == null || hw.state() == QpState.RESET || failure() != null) {
      return;
    }
    if (owner.usesSharedReceiveQueue()) {
      return; // the responder pulls from the SRQ when a Send arrives
    }
    boolean any = false;
    while (hw.receiveWorkOutstanding() < hw.receiveQueueDepth()) {
      WorkRequest receive = owner.takeReceive();
      if (receive == null) {
        break;
      }
      postReceive(receive);
      any = true;
    }
    if (any) {
      rnic.ringReceiveDoorbell(hw);
    }
  }

  private boolean refillFromSharedQueue(QueuePair qp) {
    if (gone || failure() != null || qp.receiveWorkOutstanding() >= qp.receiveQueueDepth()) {
      return false;
    }
    WorkRequest receive = owner.takeReceive();
    if (receive == null) {
      return false;
    }
    postReceive(receive);
    return true;
  }

  private void postReceive(WorkRequest receive) {
    long wrId = nextWrId++;
    receives.put(wrId, receive);
    if (!rnic.postReceive(hw, wrId, Math.max(0, receive.localAddress()), receive.bytes())) {
      throw new IllegalStateException(hw + ": receive ring full");
    }
  }

  // ---- completions ----

  /** CQEs landed in host memory: each is reported now, at its landing time. */
  private void cqesLanded() {
    List<Completion> landed = new ArrayList<>();
    cq.poll(Integer.MAX_VALUE, landed);
    for (Completion completion : landed) {
      if (gone) {
        return;
      }
      engine.cqeLanded(completion);
      if (completion.opcode() == WorkOpcode.RECEIVE) {
        receiveCompleted(completion);
      } else {
        sendCompleted(completion);
      }
    }
  }

  private void sendCompleted(Completion completion) {
    WorkRequest request = sent.get(completion.wrId());
    if (request == null) {
      return; // flushed: the provider reported it CANCELLED already
    }
    List<WorkRequest> earlier = new ArrayList<>();
    var ids = sent.keySet().iterator();
    while (ids.hasNext()) {
      long wrId = ids.next();
      if (wrId == completion.wrId()) {
        ids.remove();
        break;
      }
      earlier.add(sent.get(wrId));
      ids.remove();
    }
    for (WorkRequest done : earlier) {
      owner.initiatorDone(done, NtStatus.SUCCESS); // unsignalled, completed in order
    }
    owner.initiatorDone(request, statusOf(completion.status()));
  }

  /**
   * A receive's CQE. A flushed receive is not reported: the provider keeps it until its own flush
   * cancels it (a peer's disconnect does not flush, invariant 25).
   */
  private void receiveCompleted(Completion completion) {
    WorkRequest receive = receives.remove(completion.wrId());
    if (receive == null || !completion.isSuccess()) {
      return;
    }
    InboundSend send = inboundSends.pollFirst();
    int token = send == null ? 0 : send.invalidateToken();
    owner.receiveDone(
        receive,
        NtStatus.SUCCESS,
        Math.min(completion.byteLength(), receive.bytes()),
        token != 0 ? NdkOperationType.RECEIVE_AND_INVALIDATE : NdkOperationType.RECEIVE,
        token,
        send != null && send.solicited());
  }

  /**
   * Provider-defined statuses (ndkpi-spec 5 lists none): a flushed request gets the reason the QP
   * left service (PEER_GONE by default); exhausted transport or RNR retries are IO_TIMEOUT; a
   * surprise removal is DEVICE_REMOVED.
   */
  private NtStatus statusOf(CompletionStatus status) {
    return switch (status) {
      case SUCCESS -> NtStatus.SUCCESS;
      case FLUSH_ERROR -> leftServiceWith != null ? leftServiceWith : WorkRequestEngine.PEER_GONE;
      case RETRY_EXCEEDED, RNR_RETRY_EXCEEDED -> NtStatus.IO_TIMEOUT;
      case ADAPTER_REMOVED -> FirmwareGateway.DEVICE_REMOVED;
    };
  }

  // ---- leaving service ----

  /** Takes back every request not yet reported; none of them is reported later. */
  List<WorkRequest> flush() {
    List<WorkRequest> left = new ArrayList<>(sent.values());
    sent.clear();
    for (List<WorkRequest> batch : waitingBatches) {
      left.addAll(batch);
    }
    waitingBatches.clear();
    receives.clear();
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
    if (hw != null && hw.state() != QpState.ERROR && hw.state() != QpState.RESET && !gone) {
      rnic.modifyQp(hw, QpState.ERROR, () -> {}, message -> {});
    }
    if (failWaiting) {
      List<WorkRequest> waiting = new ArrayList<>();
      waitingBatches.forEach(waiting::addAll);
      waitingBatches.clear();
      for (WorkRequest request : waiting) {
        owner.initiatorDone(request, status);
      }
    }
    joinProgressed();
  }

  boolean isIdle() {
    return sent.isEmpty() && waitingBatches.isEmpty();
  }

  /** The provider QP is gone: destroy the hardware QP unless its close did already. */
  void forget() {
    gone = true;
    if (hw != null && !destroyIssued) {
      destroy(status -> {});
    }
  }
}
