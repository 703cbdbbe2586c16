package org.rnicsim.model.testbed;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.control.FixedLatencyControlPath;
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
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final HardwareProfile profile;
  private final HostCpu[] hosts;
  private final Rnic[] nics;
  private final Link[] links;
  private final FabricSwitch fabricSwitch;

  public StarTestbed(HardwareProfile profile, int machines, SwitchConfig switchConfig, long seed) {
    if (switchConfig.ports() < machines) {
      throw new IllegalArgumentException("the switch has fewer ports than machines");
    }
    this.profile = profile;
    this.simulator = new RnicSimulator("star " + profile.name());
    this.stats = new StatisticsRegistry(simulator);
    RandomStreams streams = new RandomStreams(seed, 0);
    this.fabricSwitch = new FabricSwitch(simulator, "switch", switchConfig, stats);
    this.hosts = new HostCpu[machines];
    this.nics = new Rnic[machines];
    this.links = new Link[machines];
    for (int i = 0; i < machines; i++) {
      hosts[i] = new HostCpu(simulator, "host" + i, profile.host().cpuCores(), stats);
      nics[i] =
          new Rnic(
              simulator,
              "nic" + i,
              i + 1,
              profile,
              new FixedLatencyControlPath(simulator, BackToBackTestbed.CONTROL_LATENCY_PS),
              stats);
      links[i] =
          Link.connect(
              simulator,
              "cable" + i,
              nics[i].port(),
              fabricSwitch.port(i),
              profile.port().propagationDelayPs(),
              streams,
              stats);
      fabricSwitch.route(nics[i].address(), i);
    }
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  public StatisticsRegistry stats() {
    return stats;
  }

  public Rnic nic(int machine) {
    return nics[machine];
  }

  public HostCpu host(int machine) {
    return hosts[machine];
  }

  public Link link(int machine) {
    return links[machine];
  }

  public FabricSwitch fabricSwitch() {
    return fabricSwitch;
  }

  public HardwareProfile profile() {
    return profile;
  }

  /** Connects a new QP on machine {@code from} to a new QP on machine {@code to}. */
  public ConnectedPair connectPair(int from, int to, int queueDepth, int cqDepth) {
    Endpoint a = QpSetup.createEndpoint(simulator, nics[from], queueDepth, cqDepth);
    Endpoint b = QpSetup.createEndpoint(simulator, nics[to], queueDepth, cqDepth);
    QpSetup.connect(simulator, a, b);
    return new ConnectedPair(a, b);
  }
}
