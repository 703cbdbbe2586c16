package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.CounterSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.model.testbed.Testbed;

/**
 * What the fabric's own counters say during a flows job, read without adding work to the model:
 * packet-hops (every link direction counts the packets it delivers), PFC pauses (switch ingress and
 * adapter receive buffers), the switch output queues sampled at interval ends, and their
 * time-averaged occupancy (each port's summed packet-time, Little's law).
 */
final class FabricProbe {
  private final List<Counter> hops = new ArrayList<>();
  private final List<Counter> pauses = new ArrayList<>();
  private final List<Counter> queuedPacketPs = new ArrayList<>();
  private final List<Port> switchPorts = new ArrayList<>();
  private final long fromPs;
  private final StatisticsRegistry stats;
  final List<Long> queueBytes = new ArrayList<>();
  final List<Long> pausesSoFar = new ArrayList<>();

  FabricProbe(Testbed testbed) {
    this.stats = testbed.stats();
    for (CounterSummary counter : stats.summarize().counters()) {
      String name = counter.name();
      if (name.endsWith(".delivered")) {
        hops.add(stats.counter(name));
      } else if (name.endsWith(".pauses")) {
        pauses.add(stats.counter(name));
      }
    }
    FabricSwitch fabricSwitch = testbed.fabricSwitch();
    if (fabricSwitch != null) {
      for (int i = 0; i < fabricSwitch.config().ports(); i++) {
        switchPorts.add(fabricSwitch.port(i));
        queuedPacketPs.add(stats.counter(fabricSwitch.port(i).name() + ".queuedPacketPs"));
      }
    }
    this.fromPs = testbed.simulator().nowPs();
    resetBaselines();
  }

  private final List<Long> baselines = new ArrayList<>();

  private void resetBaselines() {
    baselines.clear();
    baselines.add(sum(hops));
    baselines.add(sum(pauses));
    for (Counter counter : queuedPacketPs) {
      baselines.add(counter.count());
    }
  }

  /** Records the deepest switch output queue now and the pauses so far. */
  void sample() {
    long deepest = 0;
    for (Port port : switchPorts) {
      deepest = Math.max(deepest, port.backlogBytes());
    }
    queueBytes.add(deepest);
    pausesSoFar.add(pfcPauses());
  }

  /** Packets delivered over any link since the flows began. */
  long packetHops() {
    return sum(hops) - baselines.get(0);
  }

  /** PFC pauses sent since the flows began. */
  long pfcPauses() {
    return sum(pauses) - baselines.get(1);
  }

  /** The busiest switch port's time-averaged queue, in packets, from the start to {@code nowPs}. */
  double queueAveragePackets(long nowPs) {
    double busiest = 0;
    for (int i = 0; i < queuedPacketPs.size(); i++) {
      long packetPs = queuedPacketPs.get(i).count() - baselines.get(2 + i);
      busiest = Math.max(busiest, (double) packetPs / Math.max(1, nowPs - fromPs));
    }
    return busiest;
  }

  private static long sum(List<Counter> counters) {
    long sum = 0;
    for (Counter counter : counters) {
      sum += counter.count();
    }
    return sum;
  }
}
