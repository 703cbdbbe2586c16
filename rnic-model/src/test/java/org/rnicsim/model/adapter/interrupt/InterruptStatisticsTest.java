package org.rnicsim.model.adapter.interrupt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.CounterSummary;
import org.rnicsim.engine.stats.HistogramSummary;
import org.rnicsim.engine.stats.StatisticsSummary;

/** What experiments chart: interrupt rate per event queue, interrupts per completion, delays. */
class InterruptStatisticsTest {
  private static final long US = SimTime.PS_PER_US;

  @Test
  void afterWarmUpTheInterruptRateAndPerCompletionRatioMatchTheModerationInForce() {
    InterruptRig rig = new InterruptRig();
    rig.rearmingCq(1);
    rig.irq.setModeration(1, CqModeration.of(SimTime.PS_PER_MS, 4)); // count 4 governs
    // One CQE every 1 us from 1 us to 20 ms; warm-up ends at 10 ms (between two events).
    rig.cqeStream(1, US, US, 20_000);
    rig.stats.resetAt(10 * SimTime.PS_PER_MS + US / 2);
    rig.sim.runUntil(20 * SimTime.PS_PER_MS + US / 2);

    StatisticsSummary summary = rig.stats.summarize();
    CounterSummary interrupts = summary.counter("nic.irq.eq0.interrupts");
    CounterSummary cqes = summary.counter("nic.irq.eq0.cqes");
    assertEquals(10_000, cqes.count());
    assertEquals(2_500, interrupts.count());
    assertEquals(250_000.0, interrupts.ratePerSecond(), 1e-6); // 10^6 CQEs/s / 4
    assertEquals(0.25, rig.eq.interruptsPerCompletion(), 1e-12);
    HistogramSummary delay = summary.histogram("nic.irq.eq0.eventDelayPs");
    // Event at CQE n (time t); the DPC re-arms the CQ at t + 0.5 us flight + 1 us ISR, when CQE
    // n+1 (t + 1 us) is waiting: eligible from t + 1.5 us. CQE n+4 at t + 4 us raises the event,
    // its ISR starts 0.5 us later: 4 - 1.5 + 0.5 = 3 us from eligible to ISR start.
    long expectedDelayPs =
        4 * US - (InterruptRig.PCIE_LATENCY_PS + US) + InterruptRig.PCIE_LATENCY_PS;
    assertEquals(expectedDelayPs, delay.minPs());
    assertEquals(expectedDelayPs, delay.maxPs());
  }
}
