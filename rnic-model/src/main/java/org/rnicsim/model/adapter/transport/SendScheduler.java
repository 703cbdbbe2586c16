package org.rnicsim.model.adapter.transport;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.model.fabric.Port;

/**
 * The send scheduler: QPs with a packet ready take turns, one packet per turn (round robin), while
 * the send pipeline can take a packet now and the port has a free slot. It hands a packet to the
 * pipeline no earlier than the pipeline can take it, so the choice between QPs is made when a slot
 * really frees, and under load every active QP gets an equal share of the pipeline and the wire.
 *
 * <p>The ring is intrusive (a link field in each QP), so joining and leaving it allocates nothing.
 */
final class SendScheduler {
  private final Requester requester;
  private final Port port;
  private final PipelineStage pipeline;
  private final RnicSimulator simulator;
  private final Runnable pumpAgain = this::pump;
  private final PipelineFree pipelineFree = new PipelineFree();
  private final TimeWeightedGauge readyQps;
  private final QueueStatistic readyQpQueue;
  private QueuePair head;
  private QueuePair tail;
  private boolean pumping;
  private boolean waitingForRoom;

  SendScheduler(
      Requester requester,
      Port port,
      PipelineStage pipeline,
      RnicSimulator simulator,
      TimeWeightedGauge readyQps,
      QueueStatistic readyQpQueue) {
    this.readyQps = readyQps;
    this.readyQpQueue = readyQpQueue;
    this.requester = requester;
    this.port = port;
    this.pipeline = pipeline;
    this.simulator = simulator;
  }

  /** The QP may have a packet ready now; it joins the ring if it has and is not in it. */
  void activate(QueuePair qp) {
    if (!qp.inRing && requester.hasPacketToSend(qp)) {
      append(qp);
    }
    if (!pumping && !waitingForRoom) {
      pump();
    }
  }

  private void pump() {
    waitingForRoom = false;
    pumping = true;
    try {
      while (head != null) {
        long freePs = pipeline.nextFreePs();
        if (freePs > simulator.nowPs()) {
          waitingForRoom = true;
          if (port.fullPast(freePs)) {
            // The pipeline frees before a slot does, and a wake-up then would only find the port
            // full and wait again: wait for the slot alone, one event instead of two.
            port.whenRoomAfter(freePs, pumpAgain);
          } else {
            simulator.reschedule(pipelineFree, freePs, RnicSimulator.PRIORITY_NORMAL);
          }
          return;
        }
        if (!port.hasRoom()) {
          waitingForRoom = true;
          port.whenRoom(pumpAgain);
          return;
        }
        QueuePair qp = popHead();
        if (requester.hasPacketToSend(qp) && requester.sendOnePacket(qp)) {
          append(qp);
        }
      }
    } finally {
      pumping = false;
    }
  }

  private final class PipelineFree extends SimEvent {
    @Override
    protected void fire() {
      pump();
    }
  }

  private void append(QueuePair qp) {
    readyQps.add(1);
    qp.ringJoinedPs = simulator.nowPs();
    qp.inRing = true;
    qp.nextInRing = null;
    if (tail == null) {
      head = qp;
    } else {
      tail.nextInRing = qp;
    }
    tail = qp;
  }

  private QueuePair popHead() {
    readyQps.add(-1);
    QueuePair qp = head;
    readyQpQueue.record(qp.ringJoinedPs, simulator.nowPs());
    head = qp.nextInRing;
    if (head == null) {
      tail = null;
    }
    qp.nextInRing = null;
    qp.inRing = false;
    return qp;
  }
}
