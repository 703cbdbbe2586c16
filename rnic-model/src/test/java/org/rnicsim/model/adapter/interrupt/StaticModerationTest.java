package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.HistogramSummary;

/**
 * Calibration I1: the interrupt rate a steady completion stream gets from count/time moderation.
 */
class StaticModerationTest {
  private static final long US = SimTime.PS_PER_US;
  private static final long NS = SimTime.PS_PER_NS;
  private final InterruptRig rig = new InterruptRig();

  @Test
  void denseStreamWithMlx5Default16usOr32InterruptsOncePer32CompletionsSoTheCountGoverns() {
    // One CQE every 100 ns = 10 M/s for 10 ms; 32 CQEs take 3.2 us, well inside 16 us.
    long completions = 100_000;
    rig.irq.createCq(1, rig.eq, id -> rig.irq.armCq(id));
    rig.irq.setModeration(1, CqModeration.mlx5Default());
    rig.irq.armCq(1);
    rig.cqeStream(1, 100 * NS, 100 * NS, completions);
    rig.sim.runToEnd();

    // After an idle spell the first CQE interrupts at once (timer from the EQE), and the 31 CQEs
    // left at the end go 16 us after the last event; in between the count alone governs.
    List<Long> times = rig.eventTimesPs();
    List<Integer> counts = rig.eventCqeCounts();
    assertEquals(1, counts.get(0));
    assertEquals(List.of(32), counts.subList(1, counts.size() - 1).stream().distinct().toList());
    assertEquals((int) ((completions - 1) % 32), counts.get(counts.size() - 1));
    for (int i = 2; i < times.size() - 1; i++) {
      assertEquals(32 * 100 * NS, times.get(i) - times.get(i - 1));
    }
    double expectedPerSecond = 1e12 / (100 * NS) / 32; // 312,500 interrupts per second
    double steadyPerSecond =
        (times.size() - 3) / SimTime.toSeconds(times.get(times.size() - 2) - times.get(1));
    assertEquals(expectedPerSecond, steadyPerSecond, 1e-6);
    assertEquals(1.0 / 32, rig.eq.interruptsPerCompletion(), 0.01 / 32);
  }

  @Test
  void streamTooSparseToReach32In16usInterruptsEvery16usSoTheTimeGoverns() {
    // One CQE every 3 us: 16 us hold 5 or 6 CQEs, never 32. Timer from the EQE (mlx5 default).
    rig.rearmingCq(1);
    rig.irq.setModeration(1, CqModeration.mlx5Default());
    rig.cqeStream(1, 3 * US, 3 * US, 10_000);
    rig.sim.runToEnd();

    List<Long> times = rig.eventTimesPs();
    assertEquals(3 * US, times.get(0), "after an idle spell the first CQE interrupts at once");
    for (int i = 1; i < times.size(); i++) {
      assertEquals(16 * US, times.get(i) - times.get(i - 1), "gap before event " + i);
    }
    // 62,500 interrupts per second: the period alone sets the rate
    assertEquals(
        1e12 / (16 * US),
        (times.size() - 1) / SimTime.toSeconds(times.get(times.size() - 1) - times.get(0)),
        1e-6);
    assertTrue(rig.eventCqeCounts().stream().skip(1).allMatch(n -> n == 5 || n == 6));
  }

  @Test
  void sparseStreamWithTimerFromCqeWaitsTheFull16usForEveryCompletion() {
    // One CQE every 50 us: each waits its own period, then interrupts alone: 20,000 per second.
    rig.rearmingCq(1);
    rig.irq.setModeration(1, new CqModeration(16 * US, 32, ModerationTimerStart.CQE));
    rig.cqeStream(1, 50 * US, 50 * US, 200);
    rig.sim.runToEnd();

    List<Long> times = rig.eventTimesPs();
    assertEquals(200, times.size());
    for (int i = 0; i < times.size(); i++) {
      assertEquals((i + 1) * 50 * US + 16 * US, times.get(i));
    }
    assertEquals(1.0, rig.eq.interruptsPerCompletion(), 1e-12);
    HistogramSummary delay = rig.stats.summarize().histogram("nic.irq.eq0.eventDelayPs");
    // CQE landed -> ISR start = the 16 us period + the MSI-X message's flight
    assertEquals(16 * US + InterruptRig.PCIE_LATENCY_PS, delay.minPs());
    assertEquals(16 * US + InterruptRig.PCIE_LATENCY_PS, delay.maxPs());
  }

  @Test
  void mlx5TimerFromCqeDefaultDelaysEachSparseCompletionBy3us() {
    rig.rearmingCq(1);
    rig.irq.setModeration(1, CqModeration.mlx5CqeTimerDefault());
    rig.cqeStream(1, 50 * US, 50 * US, 20);
    rig.sim.runToEnd();

    List<Long> times = rig.eventTimesPs();
    assertEquals(20, times.size());
    for (int i = 0; i < times.size(); i++) {
      assertEquals((i + 1) * 50 * US + 3 * US, times.get(i));
    }
  }

  @Test
  void sparseStreamWithTimerFromEqeInterruptsAtOnceBecauseThePeriodHasPassed() {
    rig.rearmingCq(1);
    rig.irq.setModeration(1, CqModeration.mlx5Default());
    rig.cqeStream(1, 50 * US, 50 * US, 20);
    rig.sim.runToEnd();

    List<Long> times = rig.eventTimesPs();
    assertEquals(20, times.size());
    for (int i = 0; i < times.size(); i++) {
      assertEquals((i + 1) * 50 * US, times.get(i));
    }
    HistogramSummary delay = rig.stats.summarize().histogram("nic.irq.eq0.eventDelayPs");
    assertEquals(InterruptRig.PCIE_LATENCY_PS, delay.maxPs());
  }

  @Test
  void moderationOffGivesOneInterruptPerCompletion() {
    // 5 us apart: longer than MSI-X flight + ISR + DPC, so every CQE finds the CQ re-armed.
    rig.rearmingCq(1);
    rig.cqeStream(1, 5 * US, 5 * US, 1_000);
    rig.sim.runToEnd();

    assertEquals(1_000, rig.eq.interruptCount());
    assertEquals(1.0, rig.eq.interruptsPerCompletion(), 1e-12);
    // The handler runs after the MSI-X flight and the 1 us ISR (calibration I5 assumption).
    assertEquals(5 * US + InterruptRig.PCIE_LATENCY_PS + US, rig.handlerCallsPs.get(0));
  }

  @Test
  void aCountOfOneOrAPeriodOfZeroIsModerationOff() {
    assertTrue(CqModeration.of(16 * US, 1).isOff());
    assertTrue(CqModeration.of(16 * US, 0).isOff());
    assertTrue(CqModeration.of(0, 32).isOff());
    assertTrue(CqModeration.OFF.isOff());
  }
}
