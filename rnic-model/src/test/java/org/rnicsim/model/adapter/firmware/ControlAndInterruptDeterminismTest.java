package org.rnicsim.model.adapter.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.model.adapter.interrupt.DimProfileTable;
import org.rnicsim.model.profile.ReferenceProfiles;

/** Same seed, same run: every trace event at the same simulated time, in the same order. */
class ControlAndInterruptDeterminismTest {
  private static final long NS = SimTime.PS_PER_NS;

  private static List<TraceEvent> run(long seed) {
    FirmwareRig rig =
        new FirmwareRig(
            ReferenceProfiles.connectX4EdrGen3x16()
                .firmware()
                .config()
                .withLatency(
                    FirmwareCommandKind.CREATE_QP,
                    new CommandLatency.Exponential(50 * SimTime.PS_PER_US))
                .withLatency(
                    FirmwareCommandKind.REGISTER_MR,
                    new CommandLatency.PerPage(
                        new CommandLatency.Uniform(10 * SimTime.PS_PER_US, 30 * SimTime.PS_PER_US),
                        100 * NS))
                .withParallelSlots(2),
            seed);
    RecordingSink sink = new RecordingSink();
    rig.sim.trace().addSink(sink);
    // Completions share the command event queue with the firmware, so both paths interleave.
    rig.irq.createCq(7, rig.commandEq, id -> rig.irq.armCq(id));
    rig.irq.enableAdaptiveModeration(7, DimProfileTable.NET_RX_EQE);
    rig.irq.armCq(7);
    for (int i = 0; i < 40_000; i++) {
      rig.sim.scheduleAt((i + 1) * 250 * NS, () -> rig.irq.onCqeLanded(7, false, false));
    }
    for (int i = 0; i < 100; i++) {
      rig.submitAt(i * 20 * SimTime.PS_PER_US, FirmwareCommand.of(FirmwareCommandKind.CREATE_QP));
      rig.submitAt(i * 20 * SimTime.PS_PER_US, FirmwareCommand.registerMr(i * 7L));
    }
    rig.sim.runToEnd();
    assertEquals(200, rig.results.size(), "every command completed");
    return sink.events();
  }

  @Test
  void theSameSeedReproducesTheTraceEventForEvent() {
    List<TraceEvent> first = run(7);
    assertTrue(first.size() > 1_000);
    assertEquals(first, run(7));
  }

  @Test
  void anotherSeedChangesTheFirmwareTimings() {
    assertNotEquals(run(7), run(8));
  }
}
