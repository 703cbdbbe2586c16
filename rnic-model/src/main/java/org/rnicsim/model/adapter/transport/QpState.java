package org.rnicsim.model.adapter.transport;

/** RC QP states (InfiniBand Architecture Specification 10.3) that the model distinguishes. */
public enum QpState {
  /** Created; takes no work. */
  RESET,
  /** Receives may be posted; nothing is processed. */
  INIT,
  /** Ready to receive: the responder accepts requests. */
  RTR,
  /** Ready to send: the requester processes the send queue. */
  RTS,
  /** Every outstanding WQE is flushed; later posts complete with a flush error. */
  ERROR;

  /** Whether a modify from this state to {@code target} is legal. */
  public boolean canMoveTo(QpState target) {
    return switch (target) {
      case RESET, ERROR -> true;
      case INIT -> this == RESET || this == INIT;
      case RTR -> this == INIT;
      case RTS -> this == RTR || this == RTS;
    };
  }

  /** Whether the responder accepts request packets in this state. */
  boolean receivesRequests() {
    return this == RTR || this == RTS;
  }
}
