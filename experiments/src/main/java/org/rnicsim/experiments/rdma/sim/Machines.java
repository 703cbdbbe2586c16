package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TopologyPlan;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * The machines of one job: a server and its clients, each a host with an adapter as a driver sees
 * it (datapath, firmware command queue, event queues and interrupts), cabled back to back or
 * through a switch. Adapters are named {@code server} and {@code client1} .. {@code clientN}, so
 * their statistics read {@code client1.latency.write.onWirePs}.
 */
public final class Machines {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final RandomStreams streams;
  private final TestbedPlan plan;
  private final AdapterNode server;
  private final List<AdapterNode> clients = new ArrayList<>();
  private FabricSwitch fabricSwitch;

  /**
   * @param seed the study's master seed
   * @param replication with the seed, decides every random number of the job
   * @param id names the simulator in messages
   */
  public Machines(TestbedPlan plan, long seed, int replication, String id) {
    this.plan = plan;
    this.simulator = new RnicSimulator(id);
    this.stats = new StatisticsRegistry(simulator);
    this.streams = new RandomStreams(seed, replication);
    HardwareProfile hardware = plan.hardware();
    this.server = node("server", 1);
    for (int c = 1; c <= plan.topology().clients(); c++) {
      clients.add(node("client" + c, c + 1));
    }
    TopologyPlan topology = plan.topology();
    long propagationPs = hardware.port().propagationDelayPs();
    if (!topology.switched()) {
      Link.connect(
          simulator,
          "cable",
          clients.get(0).rnic().port(),
          server.rnic().port(),
          propagationPs,
          streams,
          stats);
      return;
    }
    fabricSwitch = new FabricSwitch(simulator, "switch", switchConfig(), stats);
    List<AdapterNode> all = new ArrayList<>();
    all.add(server);
    all.addAll(clients);
    for (int port = 0; port < all.size(); port++) {
      AdapterNode node = all.get(port);
      Link.connect(
          simulator,
          "cable" + port,
          node.rnic().port(),
          fabricSwitch.port(port),
          propagationPs,
          streams,
          stats);
      fabricSwitch.route(node.rnic().address(), port);
    }
  }

  private AdapterNode node(String name, int address) {
    HardwareProfile hardware = plan.hardware();
    HostCpu host = new HostCpu(simulator, name + ".host", hardware.host().cpuCores(), stats);
    return new AdapterNode(
        simulator,
        name,
        address,
        hardware,
        host,
        FirmwareConfig.assumedDefaults(),
        plan.completion().costs(),
        streams,
        stats);
  }

  /**
   * Assumption: the fabric is lossless, as InfiniBand's credit-based flow control makes it; the
   * switch does it with PFC. XOFF leaves every machine's port the 802.1Qbb headroom (the bytes
   * still arriving while the PAUSE travels, see {@link PfcBudget}) inside its share of one output
   * buffer, so even all machines sending to one port cannot overflow it; study validation refuses a
   * buffer too small for that ({@code TopologySection}). XON at half of XOFF is an assumption.
   */
  private SwitchConfig switchConfig() {
    HardwareProfile hardware = plan.hardware();
    TopologyPlan topology = plan.topology();
    long xoffBytes =
        PfcBudget.forAdapterPorts(hardware.port())
            .xoffBytes(topology.switchBufferBytes(), topology.machines());
    return new SwitchConfig(
        topology.machines(),
        hardware.port().rateBitsPerSecond(),
        topology.switchLatencyPs(),
        hardware.port().txLatencyPs(),
        hardware.port().rxLatencyPs(),
        topology.switchBufferBytes(),
        true,
        xoffBytes,
        xoffBytes / 2);
  }

  /** Packets the switch dropped on any port since the statistics were last reset; 0 unswitched. */
  public long switchDrops() {
    if (fabricSwitch == null) {
      return 0;
    }
    long drops = 0;
    for (int port = 0; port < plan.topology().machines(); port++) {
      drops += fabricSwitch.drops(port);
    }
    return drops;
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  public StatisticsRegistry stats() {
    return stats;
  }

  public RandomStreams streams() {
    return streams;
  }

  public TestbedPlan plan() {
    return plan;
  }

  public HardwareProfile hardware() {
    return plan.hardware();
  }

  public AdapterNode server() {
    return server;
  }

  public List<AdapterNode> clients() {
    return clients;
  }
}
