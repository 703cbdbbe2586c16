package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.fabric.Port;

/**
 * The send scheduler: QPs with a packet ready take turns, one packet per turn (round robin), while
 * the port has a free slot. When the port is full the scheduler waits for its next departure, so
 * under load every active QP gets an equal share of the wire.
 *
 * <p>The ring is intrusive (a link field in each QP), so joining and leaving it allocates nothing.
 */
final class SendScheduler {
  private final Requester requester;
  private final Port port;
  private final Runnable pumpAgain = this::pump;
  private QueuePair head;
  private QueuePair tail;
  private boolean pumping;
  private boolean waitingForRoom;

  SendScheduler(Requester requester, Port port) {
    this.requester = requester;
    this.port = port;
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

  private void append(QueuePair qp) {
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
    QueuePair qp = head;
    head = qp.nextInRing;
    if (head == null) {
      tail = null;
    }
    qp.nextInRing = null;
    qp.inRing = false;
    return qp;
  }
}
