package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.CounterSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.model.fabric.PortStatistics;
import org.rnicsim.model.testbed.Testbed;

/**
 * What the fabric's own counters say during a flows job, read without adding work to the model. The
 * statistics restart when the flows begin (after the QP pools' setup), so every total counts from
 * the first arrival: packet-hops (every link direction counts the packets it delivers), PFC pauses
 * (sent by the switches and by adapters whose receive buffer filled), ECN marks, and the switch
 * output queues (their maximum and time average from the switches' port counters, and the deepest
 * one sampled at interval ends).
 *
 * <p>Those are all a flows job reports, so the machines' other statistics (the adapters' stage
 * latencies, queue statistics, buffer and pipeline gauges and counters, their ports' own counters)
 * are never taken (see {@link #reads}): their bookkeeping at every packet was a few per cent of the
 * run, for figures nobody reads.
 */
final class FabricProbe {
  // The machines' statistics are named after them: host0., host1., ...
  private static final Pattern MACHINE_STATISTIC = Pattern.compile("host\\d+\\.");

  private final Testbed testbed;
  private final List<Counter> hops = new ArrayList<>();
  private final List<Counter> adapterPauses = new ArrayList<>();
  private final List<Counter> cnpsSent = new ArrayList<>();
  private final List<Port> switchPorts = new ArrayList<>();
  final List<Long> queueBytes = new ArrayList<>();
  final List<Long> pausesSoFar = new ArrayList<>();

  FabricProbe(Testbed testbed) {
    this.testbed = testbed;
    StatisticsRegistry stats = testbed.stats();
    stats.resetAll();
    for (CounterSummary counter : stats.summarize().counters()) {
      String name = counter.name();
      if (name.endsWith(".delivered")) {
        hops.add(stats.counter(name));
      } else if (name.endsWith(".rxBuffer.pauses")) {
        adapterPauses.add(stats.counter(name));
      } else if (name.endsWith(".dcqcn.cnpsSent")) {
        cnpsSent.add(stats.counter(name));
      }
    }
    for (FabricSwitch fabricSwitch : testbed.switches()) {
      for (int i = 0; i < fabricSwitch.portCount(); i++) {
        switchPorts.add(fabricSwitch.port(i));
      }
    }
  }

  /**
   * Whether a flows job reads statistic {@code name}: the links' deliveries, the adapters' pauses
   * and CNPs, and everything that is not a machine's (the switches'). The testbed is built with
   * only these observed.
   */
  static boolean reads(String name) {
    return !MACHINE_STATISTIC.matcher(name).lookingAt()
        || name.endsWith(".delivered")
        || name.endsWith(".rxBuffer.pauses")
        || name.endsWith(".dcqcn.cnpsSent");
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

  /** Packets delivered over any link. */
  long packetHops() {
    return sum(hops);
  }

  /** PFC pauses sent by the switches and the adapters. */
  long pfcPauses() {
    long pauses = sum(adapterPauses);
    for (PortStatistics port : testbed.switchPortStatistics()) {
      pauses += port.pfcPausesSent();
    }
    return pauses;
  }

  /** CNPs the adapters' DCQCN notification points sent (none without DCQCN). */
  long cnps() {
    return sum(cnpsSent);
  }

  /** Packets the switches marked Congestion Experienced. */
  long ecnMarks() {
    long marks = 0;
    for (PortStatistics port : testbed.switchPortStatistics()) {
      marks += port.ecnMarks();
    }
    return marks;
  }

  /** The most bytes any switch output queue held. */
  long queueMaxBytes() {
    long max = 0;
    for (PortStatistics port : testbed.switchPortStatistics()) {
      max = Math.max(max, port.maxQueueBytes());
    }
    return max;
  }

  /** The busiest switch output queue's bytes averaged over time. */
  double queueMeanBytes() {
    double busiest = 0;
    for (PortStatistics port : testbed.switchPortStatistics()) {
      busiest = Math.max(busiest, port.meanQueueBytes());
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
