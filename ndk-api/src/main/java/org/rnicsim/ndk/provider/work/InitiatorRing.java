package org.rnicsim.ndk.provider.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The initiator side of one {@link HardwareQp}: provider doorbells that wait for the connection,
 * the WQEs written to the hardware send ring (one hardware doorbell per provider doorbell), and the
 * table from hardware wrId back to the provider's {@link WorkRequest}, in send-queue order.
 */
final class InitiatorRing {
  private final HardwareQp qp;
  private final RnicWorkEngine engine;
  private final long adapterMaxInline;
  private final long maxInline;
  private final ArrayDeque<List<WorkRequest>> waitingBatches = new ArrayDeque<>();
  // The rung WQEs in send-queue order (RC completes in that order), so their wrIds ascend. A queue
  // rather than a map keyed by wrId: a completion almost always matches the head.
  private final SentWqes sent = new SentWqes();

  InitiatorRing(HardwareQp qp, RnicWorkEngine engine, long inlineDataSize) {
    this.qp = qp;
    this.engine = engine;
    // Fixed for the QP's life: the adapter's inline limit and the QP's, as the provider asked.
    this.adapterMaxInline = qp.rnic.profile().adapter().maxInlineBytes();
    this.maxInline = Math.min(inlineDataSize, adapterMaxInline);
  }

  /** One provider doorbell: fails at once, rings now, or waits until both QPs are ready. */
  void doorbell(List<WorkRequest> requests) {
    NtStatus failed = qp.failure();
    if (failed != null) {
      for (WorkRequest request : requests) {
        qp.owner.initiatorDone(request, failed);
      }
    } else if (qp.ready()) {
      ring(requests, null);
    } else {
      waitingBatches.addLast(requests);
    }
  }

  /** A provider doorbell for one request (the usual case): as a batch of one, without the list. */
  void doorbell(WorkRequest request) {
    NtStatus failed = qp.failure();
    if (failed != null) {
      qp.owner.initiatorDone(request, failed);
    } else if (qp.ready()) {
      ring(null, request);
    } else {
      waitingBatches.addLast(List.of(request));
    }
  }

  void ringWaiting() {
    while (qp.ready() && !waitingBatches.isEmpty()) {
      ring(waitingBatches.pollFirst(), null);
    }
  }

  /**
   * Writes one WQE per request ({@code single}'s alone when not null) and rings one doorbell for
   * all of them.
   */
  private void ring(List<WorkRequest> requests, WorkRequest single) {
    Rnic rnic = qp.rnic;
    int count = single != null ? 1 : requests.size();
    for (int i = 0; i < count; i++) {
      WorkRequest request = single != null ? single : requests.get(i);
      long wrId = qp.nextWrId();
      sent.add(wrId, request);
      if (request.consumesReceive()) {
        qp.peer.receives.expectSend(request.invalidateToken(), request.solicitsEvent());
      }
      if (!postToHardware(rnic, wrId, request, i == count - 1)) {
        throw new IllegalStateException(qp.hw + ": send ring full, the provider over-posted");
      }
    }
    engine.countDoorbell();
    rnic.ringSendDoorbell(qp.hw);
  }

  /**
   * The WQE of one request. SILENT_SUCCESS requests are unsignalled, except the last of each
   * doorbell, which the driver always signals so it learns when the ring slots are free (an
   * unsignalled WQE completes when a later one's CQE arrives; its own success is not reported to
   * the consumer either way). Bind, FastRegister and Invalidate have no rnic-model opcode: they run
   * as a zero-length RDMA WRITE, ordered and completed with the queue's other WQEs (assumption: a
   * real adapter completes them without the wire, about one round trip sooner).
   */
  private boolean postToHardware(
      Rnic rnic, long wrId, WorkRequest request, boolean lastOfDoorbell) {
    boolean signalled = !request.silentSuccess() || lastOfDoorbell;
    boolean local = request.isLocalOperation();
    WorkOpcode opcode = local ? WorkOpcode.RDMA_WRITE : hardwareOpcode(request.type());
    boolean hasPayload = !local && opcode != WorkOpcode.RDMA_READ;
    boolean hasRemote = !local && opcode != WorkOpcode.SEND;
    boolean inline =
        hasPayload
            && request.bytes() <= adapterMaxInline
            && (NdkOpFlag.INLINE.isSetIn(request.flags()) || request.bytes() <= maxInline);
    // Field by field: a SendWorkRequest per WQE was not always scalar-replaced (bench model).
    return rnic.postSend(
        qp.hw,
        wrId,
        opcode,
        local ? 0 : Math.max(0, request.localAddress()),
        local ? 0 : request.bytes(),
        hasRemote ? Math.max(0, request.remoteAddress()) : 0,
        signalled,
        inline,
        local ? SendWorkRequest.NO_MEMORY_KEY : memoryKeyOf(request.localToken()),
        hasRemote ? memoryKeyOf(request.remoteToken()) : SendWorkRequest.NO_MEMORY_KEY);
  }

  private static WorkOpcode hardwareOpcode(NdkOperationType type) {
    return switch (type) {
      case SEND -> WorkOpcode.SEND;
      case WRITE -> WorkOpcode.RDMA_WRITE;
      case READ -> WorkOpcode.RDMA_READ;
      default -> throw new IllegalArgumentException(type + " is not an initiator post");
    };
  }

  /**
   * An MR token is the adapter's memory key (SimMr registers its MPT entry under it); no token (0)
   * leaves the adapter to find the key by the address, as the hardware loop's requests do.
   */
  private static int memoryKeyOf(int token) {
    return token == 0 ? SendWorkRequest.NO_MEMORY_KEY : token;
  }

  /** A send-queue CQE: it completes its own request and every unsignalled one before it. */
  void completed(long wrId, CompletionStatus status) {
    if (!isRung(wrId)) {
      return; // flushed: the provider reported it CANCELLED already
    }
    List<WorkRequest> earlier = List.of();
    while (sent.oldestWrId() != wrId) {
      if (earlier.isEmpty()) {
        earlier = new ArrayList<>();
      }
      earlier.add(sent.removeOldest());
    }
    WorkRequest signalled = sent.removeOldest();
    for (int i = 0; i < earlier.size(); i++) { // indexed: no iterator per CQE
      qp.owner.initiatorDone(earlier.get(i), NtStatus.SUCCESS); // unsignalled, completed in order
    }
    qp.owner.initiatorDone(signalled, qp.statusOf(status));
  }

  private boolean isRung(long wrId) {
    for (int i = 0; i < sent.size(); i++) {
      long rung = sent.wrIdAt(i);
      if (rung >= wrId) {
        return rung == wrId;
      }
    }
    return false;
  }

  /** Takes back every request rung or waiting, not yet reported; none of them is reported later. */
  List<WorkRequest> takeBackAll() {
    List<WorkRequest> left = new ArrayList<>(sent.size());
    while (sent.size() > 0) {
      left.add(sent.removeOldest());
    }
    for (List<WorkRequest> batch : waitingBatches) {
      left.addAll(batch);
    }
    waitingBatches.clear();
    return left;
  }

  /** The requests still waiting for the connection fail with {@code status}. */
  void failWaiting(NtStatus status) {
    List<WorkRequest> waiting = new ArrayList<>();
    waitingBatches.forEach(waiting::addAll);
    waitingBatches.clear();
    for (WorkRequest request : waiting) {
      qp.owner.initiatorDone(request, status);
    }
  }

  boolean isIdle() {
    return sent.size() == 0 && waitingBatches.isEmpty();
  }
}
