package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.PortStatistics;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Machines of one profile, cabled (in the spirit of ns-3's topology helpers): the one place where
 * hosts, adapters, links and switches are put together, for the model's own test rigs, the NDK
 * hosts and the studies alike. Machine i is named {@code names[i]}, is adapter address i + 1, and
 * sits on switch port i of one switch, or on a leaf of a leaf-spine as {@link LeafSpine} places it.
 * Every machine is an {@link AdapterNode}: its datapath, its firmware command queue (the profile's
 * command times) and its interrupts on the host's cores.
 */
public final class Testbed {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final RandomStreams streams;
  private final HardwareProfile hardware;
  private final List<AdapterNode> nodes;
  private final List<Link> cables;
  private final List<FabricSwitch> switches;
  private final List<Link> spineLinks;

  private Testbed(
      Builder builder,
      List<AdapterNode> nodes,
      List<Link> cables,
      List<FabricSwitch> switches,
      List<Link> spineLinks) {
    this.simulator = builder.simulator;
    this.stats = builder.stats;
    this.streams = builder.streams;
    this.hardware = builder.hardware;
    this.nodes = List.copyOf(nodes);
    this.cables = List.copyOf(cables);
    this.switches = List.copyOf(switches);
    this.spineLinks = List.copyOf(spineLinks);
  }

  /** Machines of {@code hardware} on {@code simulator}; see the builder's defaults. */
  public static Builder builder(RnicSimulator simulator, HardwareProfile hardware) {
    return new Builder(simulator, hardware);
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

  public HardwareProfile hardware() {
    return hardware;
  }

  public int size() {
    return nodes.size();
  }

  public AdapterNode node(int machine) {
    return nodes.get(machine);
  }

  public List<AdapterNode> nodes() {
    return nodes;
  }

  /**
   * The link on machine {@code machine}'s port: the loopback plug, the cable between two machines,
   * or the machine's cable to the switch.
   */
  public Link cable(int machine) {
    return cables.get(Math.min(machine, cables.size() - 1));
  }

  /** The one switch, or null when the machines are back to back or on a leaf-spine. */
  public FabricSwitch fabricSwitch() {
    return switches.size() == 1 ? switches.get(0) : null;
  }

  /** Every switch: none back to back, one, or a leaf-spine's leaves and then its spines. */
  public List<FabricSwitch> switches() {
    return switches;
  }

  /** A leaf-spine's leaf-to-spine cables, leaf by leaf; empty for other cablings. */
  public List<Link> spineLinks() {
    return spineLinks;
  }

  /**
   * Packets the switches dropped on any port since the statistics were last reset; 0 unswitched.
   */
  public long switchDrops() {
    long drops = 0;
    for (PortStatistics port : switchPortStatistics()) {
      drops += port.drops();
    }
    return drops;
  }

  /**
   * Every switch port's counters and egress queue since the statistics were last reset, switch by
   * switch in {@link #switches()} order: what a study reports as ECN marks, PFC pauses, drops and
   * queue occupancy.
   */
  public List<PortStatistics> switchPortStatistics() {
    List<PortStatistics> all = new ArrayList<>();
    for (FabricSwitch fabricSwitch : switches) {
      all.addAll(fabricSwitch.portStatistics());
    }
    return all;
  }

  /** Builds a {@link Testbed}. */
  public static final class Builder {
    private final RnicSimulator simulator;
    private final HardwareProfile hardware;
    private List<String> names = List.of("nic0", "nic1");
    private Cabling cabling = Cabling.backToBack();
    private SwitchConfig switchConfig;
    private int coreCount;
    private FirmwareConfig firmware;
    private InterruptCosts interruptCosts = InterruptCosts.assumedDefault();
    private RandomStreams streams;
    private StatisticsRegistry stats;

    private Builder(RnicSimulator simulator, HardwareProfile hardware) {
      this.simulator = Objects.requireNonNull(simulator, "simulator");
      this.hardware = Objects.requireNonNull(hardware, "hardware");
      this.coreCount = hardware.host().cpuCores();
      this.firmware = hardware.firmware().config();
    }

    /** The machines' adapter names, one machine each; default {@code nic0, nic1}. */
    public Builder names(List<String> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("a testbed needs at least one machine");
      }
      this.names = List.copyOf(value);
      return this;
    }

    /** Back to back (the default), on one switch or on a leaf-spine. */
    public Builder cabling(Cabling value) {
      this.cabling = Objects.requireNonNull(value, "cabling");
      return this;
    }

    /**
     * A switch of exactly these settings instead of {@link Cabling#switchConfig}'s lossless one:
     * for tests of the switch itself (a lossy switch, a given PFC threshold).
     */
    public Builder switchConfig(SwitchConfig value) {
      this.cabling = Cabling.onSwitch(value.forwardingLatencyPs(), value.outputBufferBytes());
      this.switchConfig = value;
      return this;
    }

    /** Host cores per machine; default the profile's. */
    public Builder coreCount(int value) {
      this.coreCount = value;
      return this;
    }

    /** Firmware command latencies; default the profile's, fixed. */
    public Builder firmware(FirmwareConfig value) {
      this.firmware = Objects.requireNonNull(value, "firmware");
      return this;
    }

    /** ISR and DPC entry costs; default {@link InterruptCosts#assumedDefault()}. */
    public Builder interruptCosts(InterruptCosts value) {
      this.interruptCosts = Objects.requireNonNull(value, "interruptCosts");
      return this;
    }

    /** The random streams of the firmware and links; default master seed 1, replication 0. */
    public Builder streams(RandomStreams value) {
      this.streams = value;
      return this;
    }

    /** Default a new registry on the simulator. */
    public Builder stats(StatisticsRegistry value) {
      this.stats = value;
      return this;
    }

    public Testbed build() {
      if (names.size() > cabling.maxMachines()) {
        throw new IllegalArgumentException(
            names.size() + " machines cannot be cabled " + cabling.describe());
      }
      stats = stats != null ? stats : new StatisticsRegistry(simulator);
      streams = streams != null ? streams : new RandomStreams(1, 0);
      List<AdapterNode> nodes = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        HostCpu host = new HostCpu(simulator, name + ".host", coreCount, stats);
        nodes.add(
            new AdapterNode(
                simulator, name, i + 1, hardware, host, firmware, interruptCosts, streams, stats));
      }
      long propagationPs = hardware.port().propagationDelayPs();
      if (!cabling.switched()) {
        // One machine: a loopback plug. Two: one cable, from the second machine to the first.
        AdapterNode first = nodes.get(0);
        AdapterNode last = nodes.get(nodes.size() - 1);
        String name = nodes.size() == 1 ? "loopback" : "cable";
        Link link =
            Link.connect(
                simulator,
                name,
                last.rnic().port(),
                first.rnic().port(),
                propagationPs,
                streams,
                stats);
        return new Testbed(this, nodes, List.of(link), List.of(), List.of());
      }
      if (cabling.leafSpine() != null) {
        LeafSpineFabric fabric =
            LeafSpineFabric.build(simulator, nodes, cabling, hardware.port(), streams, stats);
        return new Testbed(
            this, nodes, fabric.hostCables(), fabric.switches(), fabric.spineLinks());
      }
      SwitchConfig config =
          switchConfig != null ? switchConfig : cabling.switchConfig(hardware.port(), nodes.size());
      if (config.ports() < nodes.size()) {
        throw new IllegalArgumentException("the switch has fewer ports than machines");
      }
      FabricSwitch fabricSwitch = new FabricSwitch(simulator, "switch", config, stats, streams);
      List<Link> cables = new ArrayList<>();
      for (int port = 0; port < nodes.size(); port++) {
        AdapterNode node = nodes.get(port);
        cables.add(
            Link.connect(
                simulator,
                "cable" + port,
                node.rnic().port(),
                fabricSwitch.port(port),
                propagationPs,
                streams,
                stats));
        fabricSwitch.route(node.rnic().address(), port);
      }
      return new Testbed(this, nodes, cables, List.of(fabricSwitch), List.of());
    }
  }
}
