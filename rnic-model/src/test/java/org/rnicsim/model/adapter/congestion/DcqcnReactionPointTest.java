package org.rnicsim.model.adapter.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.CongestionControlMode;
import org.rnicsim.model.profile.CongestionControlProfile;

/**
 * The reaction point against the equations of Zhu et al., SIGCOMM 2015 (section 3): the cut on a
 * CNP, alpha's gain and decay, fast recovery, additive and hyper increase, pacing. Parameters are
 * the shipped ones (g = 1/256, K = T = 55 us, B = 10 MB, F = 5, R_AI = 40 Mb/s, R_HAI = 200 Mb/s)
 * on a 100 Gb/s port, unless a test says otherwise.
 */
@Timeout(10)
class DcqcnReactionPointTest {
  private static final long LINE = 100_000_000_000L;
  private static final long US = SimTime.PS_PER_US;
  private static final double G = 1.0 / 256;
  private static final double AI = 40e6;
  private static final double HAI = 200e6;

  private final RnicSimulator simulator = new RnicSimulator("rp");
  private int resumed;

  private DcqcnReactionPoint reactionPoint(CongestionControlProfile profile) {
    return new DcqcnReactionPoint(simulator, profile, LINE, () -> resumed++);
  }

  private static CongestionControlProfile paper() {
    return CongestionControlProfile.paperDcqcn(CongestionControlMode.DCQCN);
  }

  /** The paper's parameters with a byte counter of {@code bytes}. */
  private static CongestionControlProfile byteCounter(long bytes) {
    CongestionControlProfile p = paper();
    return new CongestionControlProfile(
        p.mode(),
        p.cnpIntervalPs(),
        p.alphaGain(),
        p.alphaUpdatePeriodPs(),
        p.rateIncreasePeriodPs(),
        bytes,
        p.fastRecoverySteps(),
        p.additiveIncreaseBitsPerSecond(),
        p.hyperIncreaseBitsPerSecond(),
        p.minRateBitsPerSecond());
  }

  private void runTo(long timePs) {
    simulator.runUntil(timePs);
  }

  @Test
  void aCnpCutsTheRateByHalfAlphaAndRaisesAlphaByTheGain() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    rp.cnpReceived();
    // Alpha starts at 1: Rc = line (1 - 1/2); then alpha = (1 - g) 1 + g = 1.
    assertEquals(LINE / 2.0, rp.currentRateBitsPerSecond(), 1e-3);
    assertEquals(LINE, rp.targetRateBitsPerSecond(), 1e-3, "Rt remembers the rate before the cut");
    assertEquals(1.0, rp.alpha(), 1e-12);
    assertTrue(rp.limiting());

    // 3 alpha periods (165 us) later alpha has decayed three times; the next CNP cuts by alpha/2.
    runTo(170 * US);
    double alpha = Math.pow(1 - G, 3);
    assertEquals(alpha, rp.alpha(), 1e-12);
    double before = rp.currentRateBitsPerSecond();
    rp.cnpReceived();
    assertEquals(before * (1 - alpha / 2), rp.currentRateBitsPerSecond(), 1e-3);
    assertEquals(before, rp.targetRateBitsPerSecond(), 1e-3);
    assertEquals((1 - G) * alpha + G, rp.alpha(), 1e-12);
  }

  @Test
  void alphaDecaysByOneMinusGEachPeriodWithoutCnpsAndNotWithin() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    rp.cnpReceived();
    runTo(54 * US);
    assertEquals(1.0, rp.alpha(), 1e-12, "no whole period yet");
    runTo(55 * US);
    assertEquals(1 - G, rp.alpha(), 1e-12);
    runTo(55 * 40 * US + 1);
    assertEquals(Math.pow(1 - G, 40), rp.alpha(), 1e-12);
  }

  @Test
  void fastRecoveryHalvesTheDistanceToTheTargetForFTimerEvents() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    rp.cnpReceived();
    double target = rp.targetRateBitsPerSecond();
    double rate = rp.currentRateBitsPerSecond();
    for (int stage = 1; stage <= 5; stage++) {
      runTo(55 * stage * US);
      rate = (target + rate) / 2;
      assertEquals(rate, rp.currentRateBitsPerSecond(), 1e-3, "fast recovery stage " + stage);
      assertEquals(target, rp.targetRateBitsPerSecond(), 1e-3, "Rt holds in fast recovery");
    }
  }

  @Test
  void afterFastRecoveryTheTargetGrowsByTheAdditiveStep() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    // Two CNPs close together: Rt is half the line rate, so increases have room below the line.
    rp.cnpReceived();
    rp.cnpReceived();
    double target = rp.targetRateBitsPerSecond();
    double rate = rp.currentRateBitsPerSecond();
    for (int stage = 1; stage <= 8; stage++) {
      runTo(55 * stage * US);
      if (stage > 5) {
        target += AI; // the timer counts past F while the byte counter (10 MB) has not fired
      }
      rate = (target + rate) / 2;
      assertEquals(target, rp.targetRateBitsPerSecond(), 1e-3, "stage " + stage);
      assertEquals(rate, rp.currentRateBitsPerSecond(), 1e-3, "stage " + stage);
    }
  }

  @Test
  void whenBothCountersPassFTheTargetGrowsByHyperSteps() {
    // A byte counter of one 4 KiB packet fires on every packet sent.
    DcqcnReactionPoint rp = reactionPoint(byteCounter(4096));
    rp.cnpReceived();
    rp.cnpReceived();
    double target = rp.targetRateBitsPerSecond();
    double rate = rp.currentRateBitsPerSecond();
    // Six timer events: fast recovery to 5, then additive (the byte counter is still at 0).
    runTo(55 * 6 * US);
    for (int stage = 1; stage <= 6; stage++) {
      target += stage > 5 ? AI : 0;
      rate = (target + rate) / 2;
    }
    assertEquals(rate, rp.currentRateBitsPerSecond(), 1e-3);
    // Seven byte-counter events: b = 1..5 keep min(t, b) <= F (additive, since t = 6 > F), then
    // b = 6 is still min 6 > 5: hyper by (6 - 5) R_HAI, b = 7 with t = 6: min 6, hyper by 1 again.
    for (int b = 1; b <= 7; b++) {
      rp.sent(4096);
      int least = Math.min(6, b);
      target += least > 5 ? (least - 5) * HAI : AI;
      rate = (target + rate) / 2;
      assertEquals(target, rp.targetRateBitsPerSecond(), 1e-3, "byte event " + b);
      assertEquals(rate, rp.currentRateBitsPerSecond(), 1e-3, "byte event " + b);
    }
  }

  @Test
  void pacingSpacesPacketsByTheirWireTimeAtTheCurrentRate() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    assertTrue(rp.sent(4138), "an unlimited QP is not paced");
    rp.cnpReceived();
    long start = simulator.nowPs();
    assertFalse(rp.sent(4138), "limited: the next packet waits");
    // 4138 B at 50 Gb/s: 662.08 ns, rounded up to the picosecond.
    assertEquals(start + 662_080, rp.nextSendPs());
    simulator.runUntil(rp.nextSendPs());
    assertEquals(1, resumed, "the pacing wake reactivates the QP");
  }

  @Test
  void theLimiterIsReleasedAtLineRateAndItsTimerStops() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    rp.cnpReceived();
    // Rt = line: fast recovery halves 50 G towards 100 G; 11 halvings bring Rc within 40 Mb/s.
    simulator.runUntil(55 * 11 * US);
    assertFalse(rp.limiting());
    assertEquals(LINE, rp.currentRateBitsPerSecond(), 0);
    assertEquals(0, simulator.pendingEventCount(), "no timer keeps running at line rate");
    assertTrue(rp.sent(4138), "released: no more pacing");
  }

  @Test
  void anIdleQpKeepsRecoveringOnItsTimersAndItsNextFlowStartsUnpacedOnceReleased() {
    // A pooled QP cut twice by its last flow, then idle: nothing sent, so its byte counter stands
    // still, but the paper's rate increase timer and alpha timer keep running.
    DcqcnReactionPoint rp = reactionPoint(paper());
    rp.cnpReceived();
    rp.cnpReceived();
    double target = rp.targetRateBitsPerSecond();
    double rate = rp.currentRateBitsPerSecond();
    assertEquals(LINE / 2.0, target, 1e-3);

    // 10 ms idle: 181 timer events, 5 of fast recovery and 176 additive; no hyper increase, as
    // that needs the byte counter past F too. The QP's next flow would still be paced.
    runTo(10_000 * US);
    for (int stage = 1; stage <= 181; stage++) {
      target += stage > 5 ? AI : 0;
      rate = (target + rate) / 2;
    }
    assertEquals(LINE / 2.0 + 176 * AI, rp.targetRateBitsPerSecond(), 1e-3);
    assertEquals(rate, rp.currentRateBitsPerSecond(), 1e-3);
    assertEquals(Math.pow(1 - G, 181), rp.alpha(), 1e-12, "alpha decays while idle");
    assertTrue(rp.limiting());

    // Rt reaches the line after 5 + 1250 timer events (69 ms): the limiter is released while the
    // QP idles, its timer stops, and the next flow's first packets are not paced.
    runTo(100_000 * US);
    assertFalse(rp.limiting());
    assertEquals(LINE, rp.currentRateBitsPerSecond(), 0);
    assertEquals(0, simulator.pendingEventCount());
    assertTrue(rp.sent(4138));
    assertTrue(rp.sent(4138));
  }

  @Test
  void noCutGoesBelowTheMinimumRate() {
    DcqcnReactionPoint rp = reactionPoint(paper());
    for (int i = 0; i < 40; i++) {
      rp.cnpReceived();
    }
    assertEquals(1e6, rp.currentRateBitsPerSecond(), 0);
  }
}
