package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;

/** The hardware arm is one-shot: no interrupt unless armed, at most one per arm. */
class CqArmingTest {
  private static final long US = SimTime.PS_PER_US;
  private final InterruptRig rig = new InterruptRig();

  @Test
  void anUnarmedCqRaisesNoEventAndSendsNoInterrupt() {
    rig.recordingCq(1);
    rig.cqeStream(1, US, US, 10);
    rig.sim.runToEnd();

    assertEquals(0, rig.writes.writes());
    assertEquals(0, rig.writes.msiXMessages());
    assertTrue(rig.handlerCallsPs.isEmpty());
  }

  @Test
  void anArmedCqInterruptsOnceForManyCompletionsUntilReArmed() {
    rig.recordingCq(1);
    rig.irq.armCq(1);
    rig.cqeStream(1, US, US, 10);
    rig.sim.runToEnd();

    assertEquals(1, rig.writes.msiXMessages());
    assertEquals(List.of(US + InterruptRig.PCIE_LATENCY_PS + US), rig.handlerCallsPs);
    assertFalse(rig.irq.isArmed(1), "the arm cleared when the event was raised");
  }

  @Test
  void armingACqThatHoldsUnreportedCompletionsInterruptsAtOnce() {
    rig.recordingCq(1);
    rig.cqeStream(1, US, US, 3);
    rig.sim.scheduleAt(10 * US, () -> rig.irq.armCq(1));
    rig.sim.runToEnd();

    assertEquals(List.of(10 * US), rig.eventTimesPs());
    assertEquals(List.of(3), rig.eventCqeCounts());
  }

  @Test
  void armingTwiceBeforeTheEventStillGivesOneInterrupt() {
    rig.recordingCq(1);
    rig.irq.armCq(1);
    rig.irq.armCq(1);
    rig.cqeStream(1, US, US, 5);
    rig.sim.runToEnd();

    assertEquals(1, rig.writes.msiXMessages());
    assertEquals(1, rig.handlerCallsPs.size());
  }

  @Test
  void aSolicitedArmIgnoresOrdinaryCompletionsButFiresOnASolicitedOne() {
    rig.recordingCq(1);
    rig.irq.armCq(1, CqArmType.SOLICITED);
    rig.cqeStream(1, US, US, 5);
    rig.sim.scheduleAt(20 * US, () -> rig.irq.onCqeLanded(1, true, false));
    rig.sim.runToEnd();

    assertEquals(List.of(20 * US), rig.eventTimesPs());
    assertEquals(List.of(6), rig.eventCqeCounts(), "the event reports every unreported CQE");
  }

  @Test
  void anErrorCompletionSatisfiesASolicitedArm() {
    rig.recordingCq(1);
    rig.irq.armCq(1, CqArmType.SOLICITED);
    rig.sim.scheduleAt(2 * US, () -> rig.irq.onCqeLanded(1, false, true));
    rig.sim.runToEnd();

    assertEquals(List.of(2 * US), rig.eventTimesPs());
  }

  @Test
  void reArmingKeepsTheStrongerType() {
    rig.recordingCq(1);
    rig.irq.armCq(1, CqArmType.NEXT);
    rig.irq.armCq(1, CqArmType.SOLICITED);
    rig.cqeStream(1, US, US, 1);
    rig.sim.runToEnd();

    assertEquals(List.of(US), rig.eventTimesPs(), "an ordinary CQE fires: NEXT was kept");
  }

  @Test
  void cqsSharingAnEventQueueAreServedByOneInterruptWhenTheirEventsArriveTogether() {
    List<Integer> served = new ArrayList<>();
    rig.irq.createCq(1, rig.eq, served::add);
    rig.irq.createCq(2, rig.eq, served::add);
    rig.irq.armCq(1);
    rig.irq.armCq(2);
    rig.sim.scheduleAt(
        US,
        () -> {
          rig.irq.onCqeLanded(1, false, false);
          rig.irq.onCqeLanded(2, false, false);
        });
    rig.sim.runToEnd();

    assertEquals(List.of(1, 2), served);
    assertEquals(1, rig.writes.msiXMessages(), "the second EQE found the EQ disarmed");
  }

  @Test
  void anEqeWrittenWhileTheDpcRunsRaisesAnotherInterruptWhenTheDpcReArmsTheEq() {
    rig.recordingCq(1);
    rig.recordingCq(2);
    rig.irq.armCq(1);
    rig.irq.armCq(2);
    rig.sim.scheduleAt(US, () -> rig.irq.onCqeLanded(1, false, false));
    // Lands while the ISR runs (the ISR starts at 1.5 us and takes 1 us)
    rig.sim.scheduleAt(2 * US, () -> rig.irq.onCqeLanded(2, false, false));
    rig.sim.runToEnd();

    assertEquals(2, rig.writes.msiXMessages());
    assertEquals(2, rig.handlerCallsPs.size());
  }

  @Test
  void aDestroyedCqRaisesNoMoreEvents() {
    rig.recordingCq(1);
    rig.irq.armCq(1);
    rig.irq.destroyCq(1);
    assertThrows(IllegalArgumentException.class, () -> rig.irq.onCqeLanded(1, false, false));
    assertEquals(0, rig.writes.writes());
  }

  @Test
  void afterSurpriseRemovalNoCqRaisesAnEvent() {
    rig.rearmingCq(1);
    rig.cqeStream(1, US, 10 * US, 10);
    rig.sim.scheduleAt(25 * US, rig.irq::deviceRemoved);
    rig.sim.scheduleAt(26 * US, () -> rig.irq.armCq(1)); // a driver may still arm: no error
    rig.sim.runToEnd();

    assertEquals(List.of(US, 11 * US, 21 * US), rig.eventTimesPs());
    assertTrue(rig.irq.isDeviceRemoved());
  }

  @Test
  void theHandleFromCreateCqArmsAndReportsLikeTheIdBasedCalls() {
    CqEventSource cq = rig.irq.createCq(3, rig.eq, id -> rig.handlerCallsPs.add(rig.sim.nowPs()));
    cq.arm(CqArmType.NEXT);
    rig.sim.scheduleAt(2 * US, () -> cq.onCqeLanded(false, false));
    rig.sim.runToEnd();

    assertEquals(List.of(2 * US), rig.eventTimesPs());
    assertFalse(cq.isArmed());
  }
}
