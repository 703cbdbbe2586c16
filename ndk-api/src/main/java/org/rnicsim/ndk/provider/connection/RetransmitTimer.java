package org.rnicsim.ndk.provider.connection;

import org.rnicsim.engine.EventHandle;
import org.rnicsim.engine.RnicSimulator;

/**
 * The one message a connector waits to have answered (REQ, REP, RTU or DREQ: its side awaits one
 * answer at a time), resent per {@link CmRetries} until the answer {@linkplain #cancel cancels} it
 * or the retries run out.
 */
final class RetransmitTimer {
  private final RnicSimulator simulator;
  private final CmRetries retries;
  private Runnable send;
  private Runnable giveUp;
  private EventHandle pending;
  private int resent;

  RetransmitTimer(RnicSimulator simulator, CmRetries retries) {
    this.simulator = simulator;
    this.retries = retries;
  }

  /** Sends now and keeps resending until cancelled; {@code giveUp} runs when retries run out. */
  void start(Runnable sendMessage, Runnable onGiveUp) {
    cancel();
    this.send = sendMessage;
    this.giveUp = onGiveUp;
    this.resent = 0;
    sendMessage.run();
    arm();
  }

  /** The answer came, or the wait no longer matters. */
  void cancel() {
    if (pending != null) {
      simulator.cancel(pending);
      pending = null;
    }
    send = null;
    giveUp = null;
  }

  private void arm() {
    pending = simulator.schedule(retries.responseTimeoutPs(), this::expired);
  }

  private void expired() {
    pending = null;
    if (resent < retries.maxRetries()) {
      resent++;
      send.run();
      arm();
      return;
    }
    Runnable failed = giveUp;
    cancel();
    failed.run();
  }
}
