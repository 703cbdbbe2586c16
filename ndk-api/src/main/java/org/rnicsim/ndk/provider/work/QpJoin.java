package org.rnicsim.ndk.provider.work;

import java.util.function.Consumer;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Two hardware QPs on their way to one connection (INIT -> RTR -> RTS on both adapters): tells the
 * connection layer once, when both are RTS, or when a MODIFY_QP failed (timeout, surprise removal),
 * so the consumer hears "established" only when posts run at full speed (ndkpi-spec 4:
 * CompleteConnect -> established). A disconnect of either QP meanwhile abandons the join without a
 * word: whoever disconnected completes the handshake's requests.
 */
final class QpJoin {
  private final HardwareQp a;
  private final HardwareQp b;
  private final Runnable onReady;
  private final Consumer<NtStatus> onFailed;
  private boolean settled;

  QpJoin(HardwareQp a, HardwareQp b, Runnable onReady, Consumer<NtStatus> onFailed) {
    this.a = a;
    this.b = b;
    this.onReady = onReady;
    this.onFailed = onFailed;
  }

  /** One side moved on (RTS, failure, flush): settle if both sides are done. */
  void progressed() {
    if (settled) {
      return;
    }
    NtStatus first = a.joinOutcome();
    NtStatus second = b.joinOutcome();
    NtStatus failure = failureOf(first) != null ? first : failureOf(second);
    if (failure != null) {
      settled = true;
      onFailed.accept(failure);
    } else if (first != null && second != null) {
      settled = true;
      onReady.run();
    }
  }

  /** The connection ended before it was ready: no callback any more. */
  void abandon() {
    settled = true;
  }

  private static NtStatus failureOf(NtStatus outcome) {
    return outcome == null || NtStatus.SUCCESS.equals(outcome) ? null : outcome;
  }
}
