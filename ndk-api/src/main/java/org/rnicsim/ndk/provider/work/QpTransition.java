package org.rnicsim.ndk.provider.work;

import java.util.function.Consumer;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * One hardware QP on its way to the state the connection layer asked for (RTR, then RTS, each a
 * MODIFY_QP on its adapter): tells the connection layer once, when the QP is there, or when it left
 * service on the way (a MODIFY_QP timed out or met a removed adapter, the peer's QP was torn down).
 * Its own connector's disconnect abandons it without a word: whoever disconnected completes the
 * handshake's requests.
 */
final class QpTransition {
  private final HardwareQp qp;
  private final Runnable onReached;
  private final Consumer<NtStatus> onFailed;
  private boolean settled;

  QpTransition(HardwareQp qp, Runnable onReached, Consumer<NtStatus> onFailed) {
    this.qp = qp;
    this.onReached = onReached;
    this.onFailed = onFailed;
  }

  /** The QP moved on (a state reached, a failure, a flush): settle if it is done. */
  void progressed() {
    if (settled) {
      return;
    }
    NtStatus outcome = qp.transitionOutcome();
    if (outcome == null) {
      return;
    }
    settled = true;
    if (NtStatus.SUCCESS.equals(outcome)) {
      onReached.run();
    } else {
      onFailed.accept(outcome);
    }
  }

  /** The connection ended before the QP got there: no callback any more. */
  void abandon() {
    settled = true;
  }
}
