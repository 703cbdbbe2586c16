package org.rnicsim.model.host;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;

/** The cores of one host. Work is steered to a core by index (interrupt affinity, a thread). */
public final class HostCpu {
  private final List<CpuCore> cores;

  public HostCpu(
      RnicSimulator simulator, String hostName, int coreCount, StatisticsRegistry stats) {
    if (coreCount < 1) {
      throw new IllegalArgumentException(hostName + ": a host needs at least one core");
    }
    List<CpuCore> list = new ArrayList<>(coreCount);
    for (int i = 0; i < coreCount; i++) {
      list.add(new CpuCore(simulator, hostName, i, stats));
    }
    this.cores = List.copyOf(list);
  }

  public int coreCount() {
    return cores.size();
  }

  /** The core with this index, wrapping around so any affinity hint names a real core. */
  public CpuCore core(int index) {
    return cores.get(Math.floorMod(index, cores.size()));
  }
}
