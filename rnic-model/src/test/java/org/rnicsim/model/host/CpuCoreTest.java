package org.rnicsim.model.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;

class CpuCoreTest {
  private final RnicSimulator sim = new RnicSimulator("cpu");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);
  private final HostCpu cpu = new HostCpu(sim, "host0", 2, stats);
  private final List<String> log = new ArrayList<>();

  private CpuCore.Work work(String name, long costPs) {
    return new CpuCore.Work(
        CpuWorkKind.CALLBACK,
        costPs,
        () -> log.add(name + " starts@" + sim.nowPs()),
        () -> log.add(name + " returns@" + sim.nowPs()));
  }

  @Test
  void aCallbackStartsAtTAndReturnsAtTPlusItsCost() {
    sim.schedule(100, () -> cpu.core(0).submit(work("cb", 1_500)));
    sim.runToEnd();
    assertEquals(List.of("cb starts@100", "cb returns@1600"), log);
  }

  @Test
  void oneCoreRunsOneThingAtATimeInArrivalOrder() {
    sim.schedule(
        0,
        () -> {
          cpu.core(0).submit(work("isr", 1_000));
          cpu.core(0).submit(work("dpc", 2_000));
        });
    sim.runToEnd();
    assertEquals(
        List.of("isr starts@0", "isr returns@1000", "dpc starts@1000", "dpc returns@3000"), log);
    assertEquals(3_000.0 / 3_000, stats.summarize().gauge("host0.cpu0.busy").timeAverage(), 1e-12);
  }

  @Test
  void twoCoresRunInParallelAndAffinityWrapsAround() {
    sim.schedule(
        0,
        () -> {
          cpu.core(0).submit(work("a", 1_000));
          cpu.core(3).submit(work("b", 1_000)); // 3 mod 2 = core 1
        });
    sim.runToEnd();
    assertEquals(List.of("a starts@0", "b starts@0", "a returns@1000", "b returns@1000"), log);
  }
}
