package org.rnicsim.model.testbed;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.control.FixedLatencyControlPath;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Two identical machines (host CPU and adapter) whose ports are cabled back to back, as in
 * calibration R1. Setup steps (creating CQs and QPs, connecting them) run the simulation until they
 * are done, so a test starts its measurement on a ready pair.
 */
public final class BackToBackTestbed {
  /** Assumption: the stand-in control path finishes every command in 10 us. */
  public static final long CONTROL_LATENCY_PS = 10 * SimTime.PS_PER_US;

  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final RandomStreams streams;
  private final HardwareProfile profile;
  private final HostCpu[] hosts = new HostCpu[2];
  private final Rnic[] nics = new Rnic[2];
  private final Link link;

  public BackToBackTestbed(HardwareProfile profile, long masterSeed) {
    this.profile = profile;
    this.simulator = new RnicSimulator("back-to-back " + profile.name());
    this.stats = new StatisticsRegistry(simulator);
    this.streams = new RandomStreams(masterSeed, 0);
    for (int i = 0; i < 2; i++) {
      hosts[i] = new HostCpu(simulator, "host" + i, profile.host().cpuCores(), stats);
      nics[i] =
          new Rnic(
              simulator,
              "nic" + i,
              i + 1,
              profile,
              new FixedLatencyControlPath(simulator, CONTROL_LATENCY_PS),
              stats);
    }
    this.link =
        Link.connect(
            simulator,
            "cable",
            nics[0].port(),
            nics[1].port(),
            profile.port().propagationDelayPs(),
            streams,
            stats);
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  public StatisticsRegistry stats() {
    return stats;
  }

  public HardwareProfile profile() {
    return profile;
  }

  public Rnic nic(int side) {
    return nics[side];
  }

  public HostCpu host(int side) {
    return hosts[side];
  }

  public Link link() {
    return link;
  }

  /** One side of a connected pair: its adapter, QP and CQs. */
  public record Endpoint(
      Rnic nic, QueuePair qp, CompletionQueue sendCq, CompletionQueue receiveCq) {}

  /** Two QPs connected to each other, one on each machine, both in RTS. */
  public record ConnectedPair(Endpoint a, Endpoint b) {}

  /**
   * Creates a CQ pair and a QP on each side, connects them and moves both to RTS, running the
   * simulation until that is done.
   */
  public ConnectedPair connectPair(int queueDepth, int cqDepth) {
    Endpoint[] ends = new Endpoint[2];
    for (int side = 0; side < 2; side++) {
      ends[side] = createEndpoint(nics[side], queueDepth, cqDepth);
    }
    connect(ends[0], ends[1]);
    return new ConnectedPair(ends[0], ends[1]);
  }

  /** Creates CQs and a QP in RESET on {@code nic}, running the simulation until it exists. */
  public Endpoint createEndpoint(Rnic nic, int queueDepth, int cqDepth) {
    return QpSetup.createEndpoint(simulator, nic, queueDepth, cqDepth);
  }

  /** Moves two endpoints' QPs through INIT and RTR (to each other) to RTS. */
  public void connect(Endpoint a, Endpoint b) {
    QpSetup.connect(simulator, a, b);
  }
}
