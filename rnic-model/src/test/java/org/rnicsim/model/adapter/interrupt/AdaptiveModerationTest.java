package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.GaugeSummary;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.DimProfileChanged;

/** Adaptive moderation driving a CQ's moderation from its own events (calibration I2). */
class AdaptiveModerationTest {
  private static final long NS = SimTime.PS_PER_NS;
  private static final long US = SimTime.PS_PER_US;
  private final InterruptRig rig = new InterruptRig();

  @Test
  void netDimOnADenseStreamSettlesOnTheCqeTimerProfileWithFewestInterrupts() {
    // One CQE every 100 ns. With the CQE-timer table an event comes every: index 0 (2 us, 256):
    // 2.1 us; index 1 (8 us, 128): 8.1 us; index 2 (16 us, 64): 64 CQEs = 6.4 us. Index 1 wins.
    rig.rearmingCq(1);
    rig.irq.enableAdaptiveModeration(1, DimProfileTable.NET_RX_CQE);
    rig.cqeStream(1, 100 * NS, 100 * NS, 40_000 * 10);
    rig.sim.runToEnd();

    List<DimProfileChanged> changes = rig.trace.eventsOf(DimProfileChanged.class);
    assertEquals(List.of(0, 1, 2, 1), changes.stream().map(DimProfileChanged::toIndex).toList());
    assertEquals(
        List.of(2L, 8L, 16L, 8L), changes.stream().map(DimProfileChanged::periodUs).toList());
    assertEquals(
        List.of(256L, 128L, 64L, 128L), changes.stream().map(DimProfileChanged::maxCount).toList());
    assertEquals(1, rig.irq.dimProfileIndex(1));
    assertEquals(new CqModeration(8 * US, 128, ModerationTimerStart.CQE), rig.irq.moderation(1));
    GaugeSummary gauge = rig.stats.summarize().gauge("nic.irq.cq1.dimProfileIndex");
    assertEquals(0.0, gauge.min());
    assertEquals(2.0, gauge.max());
  }

  @Test
  void rdmaDimUnderARisingCompletionRateMovesToProfilesWithMoreCompletionsPerInterrupt() {
    rig.rearmingCq(1);
    rig.irq.enableAdaptiveModeration(1, DimProfileTable.RDMA);
    // The rate doubles every 5 ms: 1 CQE per 4 us, 2 us, 1 us, 500 ns, 250 ns.
    long startPs = 0;
    for (long intervalNs = 4000; intervalNs >= 250; intervalNs /= 2) {
      long count = 5 * SimTime.PS_PER_MS / (intervalNs * NS);
      rig.cqeStream(1, startPs + intervalNs * NS, intervalNs * NS, count);
      startPs += 5 * SimTime.PS_PER_MS;
    }
    rig.sim.runToEnd();

    List<Integer> indices =
        rig.trace.eventsOf(DimProfileChanged.class).stream()
            .map(DimProfileChanged::toIndex)
            .toList();
    assertTrue(rig.irq.dimProfileIndex(1) >= 3, "walked right to " + indices);
    List<Integer> counts = rig.eventCqeCounts();
    double lastCompletionsPerEvent =
        counts.subList(counts.size() - 100, counts.size()).stream()
            .mapToInt(Integer::intValue)
            .average()
            .orElseThrow();
    // Index 0 (1 us, 1 completion) fires on every CQE the re-arm finds: at one CQE per 250 ns and
    // a 1.5 us re-arm path that is 6 per event; a profile of 8 or more must do better.
    assertTrue(lastCompletionsPerEvent >= 8, "completions per event " + lastCompletionsPerEvent);
  }
}
