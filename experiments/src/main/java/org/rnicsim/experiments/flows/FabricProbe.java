package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Those are all a flows job reports, so every other statistic (the adapters' stage latencies,
 * queue statistics, buffer and pipeline gauges and counters, the adapter ports' own counters) stops
 * recording when the flows begin: the bookkeeping of each packet at every hop and adapter was a few
 * per cent of the run, for figures nobody reads.
 */
final class FabricProbe {
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
    List<String> switchPrefixes = new ArrayList<>();
    for (FabricSwitch fabricSwitch : testbed.switches()) {
      switchPrefixes.add(fabricSwitch.name() + ".");
    }
    stats.observeOnly(
        name ->
            name.endsWith(".delivered")
                || name.endsWith(".rxBuffer.pauses")
                || name.endsWith(".dcqcn.cnpsSent")
                || switchPrefixes.stream().anyMatch(name::startsWith));
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
