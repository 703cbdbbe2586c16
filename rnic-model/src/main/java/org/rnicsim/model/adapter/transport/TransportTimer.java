package org.rnicsim.model.adapter.transport;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;

/**
 * A requester QP's one timer: the RC local ACK timeout and the end of an RNR wait. Re-arming on
 * every ACK only moves a deadline; the event, when it fires early, reschedules itself to the
 * deadline. So an ACK costs no heap operation, and a QP with nothing outstanding leaves at most one
 * stale event behind, which fires once and does nothing.
 */
final class TransportTimer extends SimEvent {
  private static final long NONE = -1;

  private final RequesterResponses requester;
  private final QueuePair qp;
  private final RnicSimulator simulator;
  private long ackDeadlinePs = NONE;
  private long holdEndPs = NONE;
  private int epoch;

  TransportTimer(RequesterResponses requester, QueuePair qp, RnicSimulator simulator) {
    this.requester = requester;
    this.qp = qp;
    this.simulator = simulator;
  }

  /** (Re)starts the ACK timeout from now. */
  void restartAckTimeout(long timeoutPs) {
    ackDeadlinePs = simulator.nowPs() + timeoutPs;
    epoch = qp.epoch;
    ensureScheduled(ackDeadlinePs);
  }

  /** Starts the ACK timeout unless it already runs. */
  void startAckTimeoutIfIdle(long timeoutPs) {
    if (ackDeadlinePs == NONE || qp.epoch != epoch) {
      restartAckTimeout(timeoutPs);
    }
  }

  void stopAckTimeout() {
    ackDeadlinePs = NONE;
  }

  /** Wakes the requester at {@code endPs} to send again after an RNR NAK. */
  void holdUntil(long endPs) {
    holdEndPs = endPs;
    epoch = qp.epoch;
    ensureScheduled(endPs);
  }

  /** Forgets everything: the QP left service. */
  void clear() {
    ackDeadlinePs = NONE;
    holdEndPs = NONE;
  }

  private void ensureScheduled(long atPs) {
    simulator.scheduleNoLaterThan(this, atPs, RnicSimulator.PRIORITY_NORMAL);
  }

  @Override
  protected void fire() {
    if (qp.epoch != epoch) {
      clear();
      return;
    }
    long now = simulator.nowPs();
    if (holdEndPs != NONE && holdEndPs <= now) {
      holdEndPs = NONE;
      requester.holdEnded(qp);
    }
    if (ackDeadlinePs != NONE && ackDeadlinePs <= now) {
      ackDeadlinePs = NONE;
      requester.ackTimedOut(qp);
    }
    long next = Long.MAX_VALUE;
    if (holdEndPs != NONE) {
      next = holdEndPs;
    }
    if (ackDeadlinePs != NONE) {
      next = Math.min(next, ackDeadlinePs);
    }
    if (next != Long.MAX_VALUE && !isScheduled()) {
      simulator.reschedule(this, next, RnicSimulator.PRIORITY_NORMAL);
    }
  }
}
