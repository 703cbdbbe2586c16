package org.rnicsim.model.adapter.congestion;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.model.profile.CongestionControlProfile;

/**
 * The DCQCN reaction point of one QP (Zhu et al., SIGCOMM 2015, section 3): a rate limiter that
 * paces the QP's packets at its current rate Rc and moves Rc on congestion notifications.
 *
 * <ul>
 *   <li><b>CNP</b>: the target rate remembers Rc (Rt = Rc), Rc is cut to Rc (1 - alpha / 2), alpha
 *       rises to (1 - g) alpha + g, and both increase counters start again from zero.
 *   <li><b>Alpha decay</b>: each alpha period K without a CNP, alpha = (1 - g) alpha. Computed when
 *       alpha is next needed (K periods counted from the last CNP), so it costs no event.
 *   <li><b>Increase events</b>: every timer period T (from the last CNP) and every B bytes sent,
 *       with the timer's count t and the byte counter's count b: fast recovery Rc = (Rt + Rc) / 2
 *       while max(t, b) &lt;= F; hyper increase Rt += (min(t, b) - F) R_HAI then Rc = (Rt + Rc) / 2
 *       once min(t, b) &gt; F; additive increase Rt += R_AI then Rc = (Rt + Rc) / 2 in between. Rt
 *       never exceeds the line rate, and a cut never takes Rc below the minimum rate.
 * </ul>
 *
 * <p>The limiter exists from the QP's first CNP (alpha starts at 1 then, as the paper and mlx5's
 * initial_alpha_value have it). Assumption: once Rt is the line rate and Rc is within one R_AI of
 * it, Rc is the line rate and the limiter is released (its timer stops) until the next CNP; the
 * paper's halving would only approach the line rate without reaching it.
 *
 * <p>Pacing: after a packet of w wire bytes, the QP's next packet may go w x 8 / Rc later
 * (per-packet pacing, as the NIC's hardware rate limiter does); an idle QP starts at once. When
 * that time comes, {@code mayResume} activates the QP.
 */
public final class DcqcnReactionPoint extends SimEvent {
  private final RnicSimulator simulator;
  private final CongestionControlProfile profile;
  private final double lineRateBitsPerSecond;
  private final Runnable mayResume;
  private final PacingWake pacingWake = new PacingWake();

  private double currentRateBitsPerSecond;
  private double targetRateBitsPerSecond;
  private double alpha = 1;
  private long alphaPeriodStartPs;
  private int timerEvents;
  private int byteCounterEvents;
  private long bytesSinceByteEvent;
  private long nextSendPs;
  private boolean limiting;
  private long cnps;

  /**
   * @param lineRateBitsPerSecond the port's rate: the most Rc and Rt may be
   * @param mayResume told when pacing lets the QP send again (the scheduler activates it)
   */
  public DcqcnReactionPoint(
      RnicSimulator simulator,
      CongestionControlProfile profile,
      long lineRateBitsPerSecond,
      Runnable mayResume) {
    this.simulator = simulator;
    this.profile = profile;
    this.lineRateBitsPerSecond = lineRateBitsPerSecond;
    this.mayResume = mayResume;
    this.currentRateBitsPerSecond = lineRateBitsPerSecond;
    this.targetRateBitsPerSecond = lineRateBitsPerSecond;
    this.alphaPeriodStartPs = simulator.nowPs();
  }

  /** Rc, the rate the QP is paced at now (the line rate when not limiting). */
  public double currentRateBitsPerSecond() {
    return currentRateBitsPerSecond;
  }

  /** Rt, the rate fast recovery climbs back towards. */
  public double targetRateBitsPerSecond() {
    return targetRateBitsPerSecond;
  }

  /** Alpha, the estimate of how congested the path is, as of now. */
  public double alpha() {
    decayAlpha(simulator.nowPs());
    return alpha;
  }

  /** Whether the limiter paces the QP below the line rate. */
  public boolean limiting() {
    return limiting;
  }

  /** CNPs this reaction point acted on. */
  public long cnps() {
    return cnps;
  }

  /** The earliest time pacing lets the QP's next packet go. */
  public long nextSendPs() {
    return nextSendPs;
  }

  /** A CNP for this QP arrived now: cut the rate. */
  public void cnpReceived() {
    long now = simulator.nowPs();
    cnps++;
    decayAlpha(now);
    targetRateBitsPerSecond = currentRateBitsPerSecond;
    currentRateBitsPerSecond =
        Math.max(profile.minRateBitsPerSecond(), currentRateBitsPerSecond * (1 - alpha / 2));
    double g = profile.alphaGain();
    alpha = (1 - g) * alpha + g;
    alphaPeriodStartPs = now;
    timerEvents = 0;
    byteCounterEvents = 0;
    bytesSinceByteEvent = 0;
    limiting = true;
    if (isScheduled()) {
      simulator.cancel(this);
    }
    simulator.reschedule(this, now + profile.rateIncreasePeriodPs(), RnicSimulator.PRIORITY_NORMAL);
  }

  /**
   * The QP handed a packet of {@code wireBytes} to the port now: counts it towards the byte counter
   * and paces the next one. Returns whether the QP may send again at once.
   */
  public boolean sent(long wireBytes) {
    if (!limiting) {
      return true;
    }
    long now = simulator.nowPs();
    bytesSinceByteEvent += wireBytes;
    if (bytesSinceByteEvent >= profile.byteCounterBytes()) {
      bytesSinceByteEvent -= profile.byteCounterBytes();
      byteCounterEvents++;
      increase();
    }
    if (!limiting) {
      return true;
    }
    double gapPs = wireBytes * 8e12 / currentRateBitsPerSecond;
    nextSendPs = Math.max(nextSendPs, now) + (long) Math.ceil(gapPs);
    if (nextSendPs <= now) {
      return true;
    }
    if (pacingWake.isScheduled()) {
      simulator.cancel(pacingWake);
    }
    simulator.reschedule(pacingWake, nextSendPs, RnicSimulator.PRIORITY_NORMAL);
    return false;
  }

  /** The rate increase timer: one more timer event, then the next period. */
  @Override
  protected void fire() {
    timerEvents++;
    increase();
    if (limiting) {
      simulator.reschedule(
          this, simulator.nowPs() + profile.rateIncreasePeriodPs(), RnicSimulator.PRIORITY_NORMAL);
    }
  }

  private void increase() {
    int f = profile.fastRecoverySteps();
    int most = Math.max(timerEvents, byteCounterEvents);
    int least = Math.min(timerEvents, byteCounterEvents);
    if (least > f) {
      targetRateBitsPerSecond += (least - f) * (double) profile.hyperIncreaseBitsPerSecond();
    } else if (most > f) {
      targetRateBitsPerSecond += profile.additiveIncreaseBitsPerSecond();
    }
    targetRateBitsPerSecond = Math.min(targetRateBitsPerSecond, lineRateBitsPerSecond);
    currentRateBitsPerSecond = (targetRateBitsPerSecond + currentRateBitsPerSecond) / 2;
    if (targetRateBitsPerSecond >= lineRateBitsPerSecond
        && lineRateBitsPerSecond - currentRateBitsPerSecond
            <= profile.additiveIncreaseBitsPerSecond()) {
      release();
    }
  }

  private void release() {
    currentRateBitsPerSecond = lineRateBitsPerSecond;
    limiting = false;
    if (isScheduled()) {
      simulator.cancel(this);
    }
    // A packet already paced still waits for its wake, which then activates the QP.
  }

  /** Applies the decays of the whole alpha periods since the last CNP (or the last decay). */
  private void decayAlpha(long nowPs) {
    long periods = (nowPs - alphaPeriodStartPs) / profile.alphaUpdatePeriodPs();
    if (periods > 0) {
      alpha *= Math.pow(1 - profile.alphaGain(), periods);
      alphaPeriodStartPs += periods * profile.alphaUpdatePeriodPs();
    }
  }

  /** Pacing allows the next packet now. */
  private final class PacingWake extends SimEvent {
    @Override
    protected void fire() {
      mayResume.run();
    }
  }
}
