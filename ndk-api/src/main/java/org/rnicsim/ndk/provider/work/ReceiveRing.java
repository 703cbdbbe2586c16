package org.rnicsim.ndk.provider.work;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The receive side of one {@link HardwareQp}: the provider's receives in the hardware receive ring
 * (pushed from the QP's own queue, or pulled from the SRQ when a Send arrives), and the Sends the
 * peer rang toward this QP, in the order they consume those receives.
 */
final class ReceiveRing {
  /** What the receiver needs to know about one Send the peer rang toward it. */
  private record InboundSend(int invalidateToken, boolean solicited) {}

  private final HardwareQp qp;
  private final Map<Long, WorkRequest> receives = new HashMap<>();
  private final ArrayDeque<InboundSend> inboundSends = new ArrayDeque<>();

  ReceiveRing(HardwareQp qp) {
    this.qp = qp;
  }

  /** Moves the provider's rung receives into the hardware ring, with one doorbell. */
  void push() {
    QueuePair hw = qp.hw;
    if (qp.isGone() || hw == null || hw.state() == QpState.RESET || qp.failure() != null) {
      return;
    }
    if (qp.owner.usesSharedReceiveQueue()) {
      return; // the responder pulls from the SRQ when a Send arrives
    }
    boolean any = false;
    while (hw.receiveWorkOutstanding() < hw.receiveQueueDepth()) {
      WorkRequest receive = qp.owner.takeReceive();
      if (receive == null) {
        break;
      }
      post(receive);
      any = true;
    }
    if (any) {
      qp.rnic.ringReceiveDoorbell(hw);
    }
  }

  boolean refillFromSharedQueue(QueuePair hw) {
    if (qp.isGone()
        || qp.failure() != null
        || hw.receiveWorkOutstanding() >= hw.receiveQueueDepth()) {
      return false;
    }
    WorkRequest receive = qp.owner.takeReceive();
    if (receive == null) {
      return false;
    }
    post(receive);
    return true;
  }

  private void post(WorkRequest receive) {
    long wrId = qp.nextWrId();
    receives.put(wrId, receive);
    if (!qp.rnic.postReceive(qp.hw, wrId, Math.max(0, receive.localAddress()), receive.bytes())) {
      throw new IllegalStateException(qp.hw + ": receive ring full");
    }
  }

  /** The peer rang a Send toward this QP: it will consume the next receive. */
  void expectSend(int invalidateToken, boolean solicited) {
    inboundSends.addLast(new InboundSend(invalidateToken, solicited));
  }

  /**
   * A receive's CQE. A flushed receive is not reported: the provider keeps it until its own flush
   * cancels it (a peer's disconnect does not flush, invariant 25).
   */
  void completed(Completion completion) {
    WorkRequest receive = receives.remove(completion.wrId());
    if (receive == null || !completion.isSuccess()) {
      return;
    }
    InboundSend send = inboundSends.pollFirst();
    int token = send == null ? 0 : send.invalidateToken();
    qp.owner.receiveDone(
        receive,
        NtStatus.SUCCESS,
        Math.min(completion.byteLength(), receive.bytes()),
        token != 0 ? NdkOperationType.RECEIVE_AND_INVALIDATE : NdkOperationType.RECEIVE,
        token,
        send != null && send.solicited());
  }

  /** The hardware ring's receives are dropped (flush): none of them is reported later. */
  void forgetPosted() {
    receives.clear();
  }

  /** A new connection: the old ring and the old peer's Sends are gone. */
  void reset() {
    receives.clear();
    inboundSends.clear();
  }
}
