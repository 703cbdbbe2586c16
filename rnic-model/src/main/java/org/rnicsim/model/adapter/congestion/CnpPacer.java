package org.rnicsim.model.adapter.congestion;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;

/**
 * The DCQCN notification point of one QP (Zhu et al., SIGCOMM 2015, section 3): a CE-marked packet
 * is answered by a CNP at once if the QP sent none in the last CNP interval; otherwise the marks
 * that arrive within the interval are answered by one CNP when it ends. So the QP sends at most one
 * CNP per interval, and one for every interval in which a marked packet arrived.
 */
public final class CnpPacer extends SimEvent {
  /** Sends one CNP, ready at the given time. */
  @FunctionalInterface
  public interface CnpSender {
    void sendCnp(long readyAtPs);
  }

  private final RnicSimulator simulator;
  private final long intervalPs;
  private final CnpSender sender;
  private long lastCnpPs;
  private boolean sentAny;
  private boolean markedSinceLast;

  public CnpPacer(RnicSimulator simulator, long intervalPs, CnpSender sender) {
    this.simulator = simulator;
    this.intervalPs = intervalPs;
    this.sender = sender;
  }

  /**
   * A CE-marked packet of this QP was taken in; the receive pipeline is done with it at {@code
   * readyAtPs}.
   */
  public void marked(long readyAtPs) {
    long now = simulator.nowPs();
    if (!sentAny || now - lastCnpPs >= intervalPs) {
      send(now, readyAtPs);
      return;
    }
    markedSinceLast = true;
    if (!isScheduled()) {
      simulator.reschedule(this, lastCnpPs + intervalPs, RnicSimulator.PRIORITY_NORMAL);
    }
  }

  @Override
  protected void fire() {
    if (markedSinceLast) {
      long now = simulator.nowPs();
      send(now, now);
    }
  }

  private void send(long nowPs, long readyAtPs) {
    sentAny = true;
    lastCnpPs = nowPs;
    markedSinceLast = false;
    sender.sendCnp(readyAtPs);
  }
}
