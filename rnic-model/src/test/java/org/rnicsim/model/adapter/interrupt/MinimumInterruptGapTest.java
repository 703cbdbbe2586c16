package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.MsiXSent;
import org.rnicsim.model.adapter.interrupt.MinimumInterruptGap.ThrottleClass;

/** Calibration I3: e1000e-style throttling, a minimum gap in 256 ns units per event queue. */
class MinimumInterruptGapTest {
  private static final long NS = SimTime.PS_PER_NS;

  private static List<Long> msiXTimesUnderDenseStream(MinimumInterruptGap gap, long windowPs) {
    InterruptRig rig = new InterruptRig(gap);
    rig.rearmingCq(1); // moderation off: only the gap holds interrupts back
    rig.cqeStream(1, 100 * NS, 100 * NS, windowPs / (100 * NS));
    rig.sim.runToEnd();
    return rig.trace.eventsOf(MsiXSent.class).stream().map(MsiXSent::timePs).toList();
  }

  @ParameterizedTest
  @EnumSource(ThrottleClass.class)
  void theGapCapsTheInterruptRateAtTheTrafficClassRate(ThrottleClass throttleClass) {
    long ratePerSecond = throttleClass.interruptsPerSecond(); // 70,000 / 20,000 / 4,000
    // The register holds 10^9 / (rate x 256) in 256 ns units, rounded down by integer division.
    long units = 1_000_000_000L / (ratePerSecond * 256);
    long gapPs = units * 256 * NS;
    long windowPs = 100 * SimTime.PS_PER_MS;

    List<Long> times =
        msiXTimesUnderDenseStream(MinimumInterruptGap.forClass(throttleClass), windowPs);

    for (int i = 1; i < times.size(); i++) {
      assertEquals(gapPs, times.get(i) - times.get(i - 1), "gap before MSI-X " + i);
    }
    double measuredPerSecond =
        (times.size() - 1) / SimTime.toSeconds(times.get(times.size() - 1) - times.get(0));
    // Rounding the register down lets slightly more through than the class rate: under 1.5 %.
    assertTrue(measuredPerSecond >= ratePerSecond, "rate " + measuredPerSecond);
    assertEquals(ratePerSecond, measuredPerSecond, ratePerSecond * 0.015);
  }

  @Test
  void withoutAGapTheSameStreamInterruptsFarMoreOften() {
    List<Long> times = msiXTimesUnderDenseStream(MinimumInterruptGap.NONE, SimTime.PS_PER_MS);
    // Bounded only by the re-arm path (MSI-X flight + ISR + DPC), far above 70,000 per second.
    assertTrue(times.size() > 300, "interrupts in 1 ms: " + times.size());
  }

  @Test
  void theRegisterCountsIn256Nanoseconds() {
    assertEquals(55, MinimumInterruptGap.forClass(ThrottleClass.LOWEST_LATENCY).units256ns());
    assertEquals(14_080 * NS, new MinimumInterruptGap(55).gapPs());
  }
}
