package org.rnicsim.model.adapter.firmware;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.FixedLatencyWrites;
import org.rnicsim.model.adapter.interrupt.InterruptController;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.host.HostCpu;

/**
 * A firmware command queue whose completions travel as an EQE and MSI-X over a fake PCIe direction
 * of 500 ns, then an ISR of 1 us: a callback runs {@link #COMPLETION_PATH_PS} after the adapter
 * finishes the command.
 */
final class FirmwareRig {
  static final long US = SimTime.PS_PER_US;
  static final long PCIE_LATENCY_PS = 500 * SimTime.PS_PER_NS;
  static final long ISR_PS = US;

  /** Adapter done -> MSI-X delivered -> ISR (1 us) -> DPC starts and runs the callback. */
  static final long COMPLETION_PATH_PS = PCIE_LATENCY_PS + ISR_PS;

  final RnicSimulator sim = new RnicSimulator("fw-test");
  final StatisticsRegistry stats = new StatisticsRegistry(sim);
  final HostCpu cpu = new HostCpu(sim, "host", 1, stats);
  final FixedLatencyWrites writes = new FixedLatencyWrites(sim, PCIE_LATENCY_PS);
  final InterruptController irq =
      new InterruptController(sim, stats, "nic", writes, cpu, new InterruptCosts(ISR_PS, US / 2));
  final EventQueue commandEq = irq.createEventQueue(0);
  final FirmwareCommandQueue firmware;
  final List<CommandResult> results = new ArrayList<>();

  FirmwareRig(FirmwareConfig config) {
    this(config, 42);
  }

  FirmwareRig(FirmwareConfig config, long seed) {
    firmware =
        new FirmwareCommandQueue(
            sim, stats, new RandomStreams(seed, 0), "nic", config, irq, commandEq);
  }

  /** Submits at {@code atPs}; the result is recorded when the callback runs. */
  void submitAt(long atPs, FirmwareCommand command) {
    sim.scheduleAt(atPs, () -> firmware.submit(command, results::add));
  }

  List<Long> completionTimesPs() {
    return results.stream().map(CommandResult::completedPs).toList();
  }

  List<CommandStatus> statuses() {
    return results.stream().map(CommandResult::status).toList();
  }
}
