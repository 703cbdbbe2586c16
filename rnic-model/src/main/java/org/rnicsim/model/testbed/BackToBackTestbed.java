package org.rnicsim.model.testbed;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Two identical machines (host CPU and adapter, as {@link Testbed} builds them) whose ports are
 * cabled back to back, as in calibration R1. Setup steps (creating CQs and QPs, connecting them)
 * run the simulation until they are done, so a test starts its measurement on a ready pair.
 */
public final class BackToBackTestbed {
  private final Testbed testbed;

  public BackToBackTestbed(HardwareProfile profile, long masterSeed) {
    this.testbed =
        Testbed.builder(new RnicSimulator("back-to-back " + profile.name()), profile)
            .streams(new RandomStreams(masterSeed, 0))
            .build();
  }

  public RnicSimulator simulator() {
    return testbed.simulator();
  }

  public StatisticsRegistry stats() {
    return testbed.stats();
  }

  public HardwareProfile profile() {
    return testbed.hardware();
  }

  public Rnic nic(int side) {
    return testbed.node(side).rnic();
  }

  public HostCpu host(int side) {
    return testbed.node(side).host();
  }

  public Link link() {
    return testbed.cable(0);
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
      ends[side] = createEndpoint(nic(side), queueDepth, cqDepth);
    }
    connect(ends[0], ends[1]);
    return new ConnectedPair(ends[0], ends[1]);
  }

  /** Creates CQs and a QP in RESET on {@code nic}, running the simulation until it exists. */
  public Endpoint createEndpoint(Rnic nic, int queueDepth, int cqDepth) {
    return QpSetup.createEndpoint(simulator(), nic, queueDepth, cqDepth);
  }

  /** Moves two endpoints' QPs through INIT and RTR (to each other) to RTS. */
  public void connect(Endpoint a, Endpoint b) {
    QpSetup.connect(simulator(), a, b);
  }
}
