package org.rnicsim.model.adapter.interrupt;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.model.host.HostCpu;

/**
 * One adapter's interrupt logic on a two-core host, with a fake PCIe direction of fixed latency and
 * the assumed ISR/DPC costs (1 us + 0.5 us).
 */
final class InterruptRig {
  static final long PCIE_LATENCY_PS = 500 * SimTime.PS_PER_NS;

  final RnicSimulator sim = new RnicSimulator("irq-test");
  final StatisticsRegistry stats = new StatisticsRegistry(sim);
  final HostCpu cpu = new HostCpu(sim, "host", 2, stats);
  final FixedLatencyWrites writes = new FixedLatencyWrites(sim, PCIE_LATENCY_PS);
  final InterruptController irq =
      new InterruptController(sim, stats, "nic", writes, cpu, InterruptCosts.assumedDefault());
  final RecordingSink trace = new RecordingSink();
  final EventQueue eq;

  /** Simulated times at which a CQ handler ran, per call. */
  final List<Long> handlerCallsPs = new ArrayList<>();

  InterruptRig() {
    this(MinimumInterruptGap.NONE);
  }

  InterruptRig(MinimumInterruptGap gap) {
    sim.trace().addSink(trace);
    eq = irq.createEventQueue(0, gap);
  }

  /** A CQ whose handler, like a polling consumer, re-arms it on every event; armed at once. */
  void rearmingCq(int cqId) {
    irq.createCq(
        cqId,
        eq,
        id -> {
          handlerCallsPs.add(sim.nowPs());
          irq.armCq(id);
        });
    irq.armCq(cqId);
  }

  /** A CQ whose handler only records the call: one event per arm. */
  void recordingCq(int cqId) {
    irq.createCq(cqId, eq, id -> handlerCallsPs.add(sim.nowPs()));
  }

  /** {@code count} CQEs landing on {@code cqId} at firstPs, firstPs + intervalPs, ... */
  void cqeStream(int cqId, long firstPs, long intervalPs, long count) {
    if (count <= 0) {
      return;
    }
    sim.scheduleAt(
        firstPs,
        () -> {
          irq.onCqeLanded(cqId, false, false);
          cqeStream(cqId, firstPs + intervalPs, intervalPs, count - 1);
        });
  }

  List<InterruptTraceEvent.CqEventRaised> events() {
    return trace.eventsOf(InterruptTraceEvent.CqEventRaised.class);
  }

  List<Long> eventTimesPs() {
    return events().stream().map(InterruptTraceEvent.CqEventRaised::timePs).toList();
  }

  List<Integer> eventCqeCounts() {
    return events().stream().map(InterruptTraceEvent.CqEventRaised::cqeCount).toList();
  }
}
