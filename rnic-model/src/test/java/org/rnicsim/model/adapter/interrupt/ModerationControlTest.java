package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;

/**
 * Per-CQ moderation as a driver sets it: ndkpi-spec section 6 semantics of
 * ControlCqInterruptModeration (calibration I4), and "the latest call wins".
 */
class ModerationControlTest {
  private static final long US = SimTime.PS_PER_US;
  private static final long MAXULONG = 0xFFFF_FFFFL;
  private final InterruptRig rig = new InterruptRig();

  @Test
  void aZeroIntervalOrACountOfZeroOrOneSwitchesModerationOff() {
    assertTrue(CqModeration.fromDriverRequest(0, 32, 1024, ModerationTimerStart.EQE).isOff());
    assertTrue(CqModeration.fromDriverRequest(16, 0, 1024, ModerationTimerStart.EQE).isOff());
    assertTrue(CqModeration.fromDriverRequest(16, 1, 1024, ModerationTimerStart.EQE).isOff());
  }

  @Test
  void maxUlongIntervalLeavesTheCountAloneInCharge() {
    CqModeration m = CqModeration.fromDriverRequest(MAXULONG, 32, 1024, ModerationTimerStart.EQE);
    assertEquals(CqModeration.NO_LIMIT, m.periodPs());
    assertEquals(32, m.maxCount());
  }

  @Test
  void maxUlongCountOrACountAboveTheCqDepthLeavesTheIntervalAloneInCharge() {
    CqModeration unlimited =
        CqModeration.fromDriverRequest(16, MAXULONG, 1024, ModerationTimerStart.EQE);
    CqModeration aboveDepth =
        CqModeration.fromDriverRequest(16, 2048, 1024, ModerationTimerStart.EQE);
    assertEquals(CqModeration.NO_LIMIT, unlimited.maxCount());
    assertEquals(CqModeration.NO_LIMIT, aboveDepth.maxCount());
    assertEquals(16 * US, aboveDepth.periodPs());
  }

  @Test
  void neitherLimitGoverningIsRefusedAsAnInvalidMix() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CqModeration.fromDriverRequest(MAXULONG, MAXULONG, 1024, ModerationTimerStart.EQE));
  }

  @Test
  void withOnlyACountLimitTheEventWaitsForTheCountHoweverLong() {
    rig.rearmingCq(1);
    rig.irq.setModeration(
        1, CqModeration.fromDriverRequest(MAXULONG, 4, 1024, ModerationTimerStart.CQE));
    rig.cqeStream(1, 100 * US, 100 * US, 8);
    rig.sim.runToEnd();

    assertEquals(List.of(400 * US, 800 * US), rig.eventTimesPs());
  }

  @Test
  void switchingModerationOffWhileAnEventWaitsRaisesItAtOnce() {
    rig.rearmingCq(1);
    rig.irq.setModeration(1, new CqModeration(16 * US, 32, ModerationTimerStart.CQE));
    rig.cqeStream(1, 10 * US, US, 1);
    rig.sim.scheduleAt(15 * US, () -> rig.irq.setModeration(1, CqModeration.OFF));
    rig.sim.runToEnd();

    assertEquals(List.of(15 * US), rig.eventTimesPs());
  }

  @Test
  void aLongerPeriodSetWhileAnEventWaitsPostponesIt() {
    rig.rearmingCq(1);
    rig.irq.setModeration(1, new CqModeration(16 * US, 32, ModerationTimerStart.CQE));
    rig.cqeStream(1, 10 * US, US, 1);
    rig.sim.scheduleAt(
        15 * US,
        () -> rig.irq.setModeration(1, new CqModeration(64 * US, 32, ModerationTimerStart.CQE)));
    rig.sim.runToEnd();

    assertEquals(List.of(74 * US), rig.eventTimesPs(), "the latest setting governs: 10 + 64 us");
  }
}
