package org.rnicsim.model.adapter.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.model.adapter.firmware.FirmwareRig.COMPLETION_PATH_PS;
import static org.rnicsim.model.adapter.firmware.FirmwareRig.US;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.ReferenceProfiles;

class FirmwareCommandQueueTest {
  private static final FirmwareCommand CREATE_QP =
      FirmwareCommand.of(FirmwareCommandKind.CREATE_QP);
  private static final FirmwareCommand CREATE_CQ =
      FirmwareCommand.of(FirmwareCommandKind.CREATE_CQ);

  private static FirmwareConfig config() {
    return ReferenceProfiles.connectX4EdrGen3x16()
        .firmware()
        .config()
        .withLatency(FirmwareCommandKind.CREATE_QP, new CommandLatency.Fixed(50 * US))
        .withLatency(FirmwareCommandKind.CREATE_CQ, new CommandLatency.Fixed(30 * US))
        .withLatency(
            FirmwareCommandKind.REGISTER_MR,
            new CommandLatency.PerPage(new CommandLatency.Fixed(20 * US), 100 * SimTime.PS_PER_NS))
        .withDriverTimeoutPs(SimTime.PS_PER_MS);
  }

  @Test
  void eachKindTakesItsOwnLatencyPlusTheEqeInterruptPath() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, CREATE_CQ);
    rig.submitAt(SimTime.PS_PER_MS, CREATE_QP);
    rig.sim.runToEnd();

    assertEquals(List.of(CommandStatus.SUCCESS, CommandStatus.SUCCESS), rig.statuses());
    assertEquals(30 * US + COMPLETION_PATH_PS, rig.results.get(0).latencyPs());
    assertEquals(50 * US + COMPLETION_PATH_PS, rig.results.get(1).latencyPs());
    assertEquals(1, rig.stats.summarize().histogram("nic.fw.latencyPs.CREATE_QP").count());
  }

  @Test
  void memoryRegistrationTakesLongerByThePerPageCostForEveryPage() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, FirmwareCommand.registerMr(1));
    rig.submitAt(SimTime.PS_PER_MS, FirmwareCommand.registerMr(1_001));
    rig.sim.runToEnd();

    assertEquals(
        20 * US + 100 * SimTime.PS_PER_NS + COMPLETION_PATH_PS, rig.results.get(0).latencyPs());
    // 1,000 more pages at 100 ns each: 100 us longer
    assertEquals(100 * US, rig.results.get(1).latencyPs() - rig.results.get(0).latencyPs());
  }

  @Test
  void commandsRunOneAtATimeInSubmissionOrder() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_CQ);
    rig.submitAt(0, CREATE_QP);
    rig.sim.runToEnd();

    // The slot frees when the driver's DPC handles the completion, so each waits for the last.
    long qp = 50 * US + COMPLETION_PATH_PS;
    long cq = 30 * US + COMPLETION_PATH_PS;
    assertEquals(List.of(qp, qp + cq, qp + cq + qp), rig.completionTimesPs());
    assertEquals(List.of(1L, 2L, 3L), rig.results.stream().map(CommandResult::token).toList());
  }

  @Test
  void twoSlotsExecuteTwoCommandsAtOnce() {
    FirmwareRig rig = new FirmwareRig(config().withParallelSlots(2));
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_QP);
    rig.sim.runToEnd();

    long qp = 50 * US;
    // Both finish at 50 us; one interrupt's DPC reports both. The third starts then.
    assertEquals(qp + COMPLETION_PATH_PS, rig.completionTimesPs().get(0));
    assertEquals(qp + COMPLETION_PATH_PS, rig.completionTimesPs().get(1));
    assertEquals(2 * (qp + COMPLETION_PATH_PS), rig.completionTimesPs().get(2));
  }

  @Test
  void aCommandThatNeverCompletesEndsWithATimeoutErrorAndTheQueueMovesOn() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.firmware.injectHangAt(0);
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_CQ);
    rig.sim.runToEnd();

    assertEquals(List.of(CommandStatus.TIMED_OUT, CommandStatus.SUCCESS), rig.statuses());
    assertEquals(SimTime.PS_PER_MS, rig.completionTimesPs().get(0), "the 1 ms driver timeout");
    assertEquals(SimTime.PS_PER_MS + 30 * US + COMPLETION_PATH_PS, rig.completionTimesPs().get(1));
    assertEquals(1, rig.stats.summarize().counter("nic.fw.timeouts").count());
    assertEquals(0, rig.firmware.outstanding());
  }

  @Test
  void aHangInjectedWhileACommandExecutesTimesThatCommandOut() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, CREATE_QP);
    rig.firmware.injectHangAt(10 * US);
    rig.sim.runToEnd();

    assertEquals(List.of(CommandStatus.TIMED_OUT), rig.statuses());
    assertEquals(List.of(SimTime.PS_PER_MS), rig.completionTimesPs());
  }

  @Test
  void aCompletionArrivingAfterTheTimeoutIsIgnoredSoTheCallbackRunsOnce() {
    FirmwareRig rig =
        new FirmwareRig(
            config()
                .withLatency(
                    FirmwareCommandKind.CREATE_QP,
                    new CommandLatency.Fixed(2 * SimTime.PS_PER_MS)));
    rig.submitAt(0, CREATE_QP);
    rig.sim.runToEnd();

    assertEquals(List.of(CommandStatus.TIMED_OUT), rig.statuses());
    assertEquals(1, rig.stats.summarize().counter("nic.fw.lateCompletions").count());
  }

  @Test
  void surpriseRemovalFailsEveryOutstandingCommandAndEveryLaterOne() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_CQ);
    rig.submitAt(0, CREATE_QP);
    rig.firmware.injectSurpriseRemovalAt(10 * US);
    rig.submitAt(20 * US, CREATE_CQ);
    rig.sim.runToEnd();

    assertEquals(List.of(10 * US, 10 * US, 10 * US, 20 * US), rig.completionTimesPs());
    assertTrue(rig.statuses().stream().allMatch(s -> s == CommandStatus.DEVICE_REMOVED));
    assertEquals(List.of(1L, 2L, 3L, 4L), rig.results.stream().map(CommandResult::token).toList());
    assertEquals(0, rig.firmware.outstanding());
  }

  @Test
  void occupancyGaugeAveragesTheCommandsOutstanding() {
    FirmwareRig rig = new FirmwareRig(config());
    rig.submitAt(0, CREATE_QP);
    rig.submitAt(0, CREATE_QP);
    rig.sim.runUntil(2 * (50 * US + COMPLETION_PATH_PS));

    // 2 outstanding for one command's time, then 1 for another: average 1.5
    assertEquals(1.5, rig.stats.summarize().gauge("nic.fw.occupancy").timeAverage(), 1e-9);
    assertEquals(2.0, rig.stats.summarize().gauge("nic.fw.occupancy").max());
  }

  @Test
  void uniformLatenciesStayWithinTheirBounds() {
    FirmwareRig rig =
        new FirmwareRig(
            config()
                .withLatency(
                    FirmwareCommandKind.MODIFY_QP, new CommandLatency.Uniform(10 * US, 20 * US)));
    for (int i = 0; i < 200; i++) {
      rig.submitAt(i * SimTime.PS_PER_MS, FirmwareCommand.of(FirmwareCommandKind.MODIFY_QP));
    }
    rig.sim.runToEnd();

    for (CommandResult r : rig.results) {
      long executionPs = r.latencyPs() - COMPLETION_PATH_PS;
      assertTrue(executionPs >= 10 * US && executionPs <= 20 * US, "drawn " + executionPs);
    }
    assertTrue(rig.results.stream().map(CommandResult::latencyPs).distinct().count() > 100);
  }

  @Test
  void theSameSeedGivesTheSameCompletionTimesAndAnotherSeedDoesNot() {
    assertEquals(exponentialRun(42), exponentialRun(42));
    assertNotEquals(exponentialRun(42), exponentialRun(43));
  }

  private static List<Long> exponentialRun(long seed) {
    FirmwareRig rig =
        new FirmwareRig(
            config()
                .withLatency(
                    FirmwareCommandKind.CREATE_QP, new CommandLatency.Exponential(50 * US)),
            seed);
    for (int i = 0; i < 50; i++) {
      rig.submitAt(i * 10 * US, CREATE_QP);
    }
    rig.sim.runToEnd();
    return rig.completionTimesPs();
  }
}
