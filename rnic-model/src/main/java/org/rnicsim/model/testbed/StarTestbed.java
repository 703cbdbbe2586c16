package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.BackToBackTestbed.Endpoint;

/**
 * N identical machines, each cabled to one port of a switch: machine i is adapter address i + 1 on
 * switch port i. For incast, fan-out and switch-buffer experiments.
 */
public final class StarTestbed {
  private final Testbed testbed;

  public StarTestbed(HardwareProfile profile, int machines, SwitchConfig switchConfig, long seed) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < machines; i++) {
      names.add("nic" + i);
    }
    this.testbed =
        Testbed.builder(new RnicSimulator("star " + profile.name()), profile)
            .names(names)
            .switchConfig(switchConfig)
            .streams(new RandomStreams(seed, 0))
            .build();
  }

  public RnicSimulator simulator() {
    return testbed.simulator();
  }

  public StatisticsRegistry stats() {
    return testbed.stats();
  }

  public Rnic nic(int machine) {
    return testbed.node(machine).rnic();
  }

  public HostCpu host(int machine) {
    return testbed.node(machine).host();
  }

  public Link link(int machine) {
    return testbed.cable(machine);
  }

  public FabricSwitch fabricSwitch() {
    return testbed.fabricSwitch();
  }

  public HardwareProfile profile() {
    return testbed.hardware();
  }

  /** Connects a new QP on machine {@code from} to a new QP on machine {@code to}. */
  public ConnectedPair connectPair(int from, int to, int queueDepth, int cqDepth) {
    Endpoint a = QpSetup.createEndpoint(simulator(), nic(from), queueDepth, cqDepth);
    Endpoint b = QpSetup.createEndpoint(simulator(), nic(to), queueDepth, cqDepth);
    QpSetup.connect(simulator(), a, b);
    return new ConnectedPair(a, b);
  }
}
