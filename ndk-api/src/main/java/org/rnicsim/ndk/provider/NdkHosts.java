package org.rnicsim.ndk.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.connection.ConnectionFabric;
import org.rnicsim.ndk.provider.connection.SimConnections;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.work.RnicWorkEngine;

/**
 * N simulated hosts, each an rnic-model {@link AdapterNode} (adapter, firmware command queue,
 * interrupts, cores) with a {@link SimNdkProvider} on it, all sharing one {@link RnicWorkEngine} so
 * their QPs can connect, and one {@link ConnectionFabric#overAdapters packet CM fabric}, so their
 * connection messages travel as management datagrams over the same ports, links and switch. Host i
 * has adapter address i + 1 and answers connection requests on IP 10.0.0.(i + 1). One host has its
 * port looped back (a loopback plug: its QPs connect to each other over its own wire); two are
 * cabled back to back; more hang off one switch.
 */
public final class NdkHosts {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final RnicWorkEngine engine;
  private final ConnectionFabric fabric;
  private final HardwareProfile profile;
  private final List<AdapterNode> nodes;
  private final List<SimNdkProvider> providers;
  private final List<Link> cables;

  private NdkHosts(
      Builder builder,
      StatisticsRegistry stats,
      RnicWorkEngine engine,
      ConnectionFabric fabric,
      HardwareProfile profile,
      List<AdapterNode> nodes,
      List<SimNdkProvider> providers,
      List<Link> cables) {
    this.simulator = builder.simulator;
    this.stats = stats;
    this.engine = engine;
    this.fabric = fabric;
    this.profile = profile;
    this.nodes = List.copyOf(nodes);
    this.providers = List.copyOf(providers);
    this.cables = List.copyOf(cables);
  }

  /** Hosts on {@code simulator}; see the builder's defaults. */
  public static Builder builder(RnicSimulator simulator) {
    return new Builder(simulator);
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  public StatisticsRegistry stats() {
    return stats;
  }

  /** The datapath every provider shares. */
  public RnicWorkEngine engine() {
    return engine;
  }

  /** The fabric every provider's connection messages travel: MADs between the adapters. */
  public ConnectionFabric fabric() {
    return fabric;
  }

  /** The adapters' hardware, with RNR retries made endless. */
  public HardwareProfile profile() {
    return profile;
  }

  /** The IP address host {@code host}'s provider answers connection requests on. */
  public InetAddress ipAddress(int host) {
    return ipAddressOf(host);
  }

  /**
   * The link on host {@code host}'s port: the loopback plug, the cable between two hosts, or the
   * host's cable to the switch.
   */
  public Link cable(int host) {
    return cables.get(Math.min(host, cables.size() - 1));
  }

  /** 10.0.0.(host + 1): the address scheme of every NdkHosts world. */
  public static InetAddress ipAddressOf(int host) {
    if (host < 0 || host > 253) {
      throw new IllegalArgumentException("host " + host + " has no 10.0.0.x address");
    }
    try {
      return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) (host + 1)});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  public int size() {
    return nodes.size();
  }

  public AdapterNode node(int host) {
    return nodes.get(host);
  }

  public SimNdkProvider provider(int host) {
    return providers.get(host);
  }

  public List<SimNdkProvider> providers() {
    return providers;
  }

  /**
   * A ConnectX-4 EDR class machine: {@link ReferenceProfiles#connectX4EdrGen3x16()}, the numbers of
   * configs/profiles/connectx4-edr-gen3x16.yaml, with receiver-not-ready retried forever.
   */
  public static HardwareProfile connectX4Class() {
    return withEndlessRnrRetry(ReferenceProfiles.connectX4EdrGen3x16());
  }

  /**
   * {@code profile} with receiver-not-ready retried forever: NDK has no RNR failure, a Send waits
   * until the peer posts a receive (assumption: the provider programs rnr_retry 7, as perftest
   * does).
   */
  public static HardwareProfile withEndlessRnrRetry(HardwareProfile profile) {
    AdapterProfile a = profile.adapter();
    if (a.rnrRetryCount() == AdapterProfile.RNR_RETRY_FOREVER) {
      return profile;
    }
    return profile.withAdapter(
        a.withRnrRetry(a.rnrRetryDelayPs(), AdapterProfile.RNR_RETRY_FOREVER));
  }

  /** One host's adapter node: {@code config}'s cores, firmware and interrupt costs. */
  static AdapterNode node(
      RnicSimulator simulator,
      String name,
      int address,
      HardwareProfile hardware,
      HardwareConfig config,
      RandomStreams streams,
      StatisticsRegistry stats) {
    HostCpu host = new HostCpu(simulator, name + ".host", config.coreCount(), stats);
    return new AdapterNode(
        simulator,
        name,
        address,
        hardware,
        host,
        config.firmware(),
        config.interruptCosts(),
        streams,
        stats);
  }

  /**
   * A host alone: a {@link #connectX4Class()} adapter node (address 1) whose port is looped back,
   * so its QPs connect to each other over its own wire. What a provider built without a node runs
   * on.
   */
  public static AdapterNode loopedBackNode(
      RnicSimulator simulator,
      String name,
      HardwareConfig config,
      RandomStreams streams,
      StatisticsRegistry stats) {
    HardwareProfile hardware = withEndlessRnrRetry(connectX4Class());
    AdapterNode node = node(simulator, name, 1, hardware, config, streams, stats);
    Link.connect(
        simulator,
        name + ".loopback",
        node.rnic().port(),
        node.rnic().port(),
        hardware.port().propagationDelayPs(),
        streams,
        stats);
    return node;
  }

  /** Builds {@link NdkHosts}. */
  public static final class Builder {
    private final RnicSimulator simulator;
    private List<String> names = List.of("nic0");
    private HardwareProfile profile = connectX4Class();
    private HardwareConfig config = HardwareConfig.assumedDefaults();
    private long seed = 1;
    private StatisticsRegistry stats;
    private CmRetries cmRetries = CmRetries.assumedDefault();
    private BiConsumer<Integer, SimNdkProvider.Builder> customise = (host, builder) -> {};

    private Builder(RnicSimulator simulator) {
      this.simulator = simulator;
    }

    /** Adapter names, one host each; default one host, "nic0". */
    public Builder names(List<String> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("at least one host");
      }
      this.names = List.copyOf(value);
      return this;
    }

    /** The adapters' hardware; default {@link #connectX4Class()}. RNR retries are made endless. */
    public Builder profile(HardwareProfile value) {
      this.profile = value;
      return this;
    }

    /**
     * Host cores, firmware latencies and interrupt costs; default {@link
     * HardwareConfig#assumedDefaults()}. Its host-write latency and command core are not used: EQEs
     * and MSI-X travel the adapter's modelled PCIe link, command completions run on core 0.
     */
    public Builder hardware(HardwareConfig value) {
      this.config = value;
      return this;
    }

    /** Master seed of the firmware's and links' random streams; default 1. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder stats(StatisticsRegistry value) {
      this.stats = value;
      return this;
    }

    /** How connectors resend lost CM messages; default {@link CmRetries#assumedDefault()}. */
    public Builder cmRetries(CmRetries value) {
      this.cmRetries = value;
      return this;
    }

    /**
     * Extra settings per host (policy, mutations), given the host's index. The host's connections
     * are set already (on {@link NdkHosts#fabric()}, answering on {@link #ipAddressOf}).
     */
    public Builder customise(BiConsumer<Integer, SimNdkProvider.Builder> value) {
      this.customise = value;
      return this;
    }

    public NdkHosts build() {
      StatisticsRegistry registry = stats != null ? stats : new StatisticsRegistry(simulator);
      RandomStreams streams = new RandomStreams(seed, 0);
      HardwareProfile hardware = withEndlessRnrRetry(profile);
      RnicWorkEngine engine = new RnicWorkEngine();
      ConnectionFabric fabric = ConnectionFabric.overAdapters(simulator, cmRetries);
      List<AdapterNode> nodes = new ArrayList<>();
      List<SimNdkProvider> providers = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        AdapterNode node = node(simulator, name, i + 1, hardware, config, streams, registry);
        nodes.add(node);
        SimNdkProvider.Builder builder =
            SimNdkProvider.builder(simulator)
                .name(name)
                .stats(registry)
                .node(node)
                .engine(engine)
                .connections(
                    new SimConnections(fabric, ipAddressOf(i), node, config.cmMadCostPs()));
        customise.accept(i, builder);
        providers.add(builder.build());
      }
      List<Link> cables = cable(nodes, hardware, streams, registry);
      return new NdkHosts(this, registry, engine, fabric, hardware, nodes, providers, cables);
    }

    /** The links, one per host port (one in all for one or two hosts). */
    private List<Link> cable(
        List<AdapterNode> nodes,
        HardwareProfile hardware,
        RandomStreams streams,
        StatisticsRegistry registry) {
      long propagationPs = hardware.port().propagationDelayPs();
      if (nodes.size() <= 2) {
        AdapterNode first = nodes.get(0);
        AdapterNode other = nodes.get(nodes.size() - 1);
        String name = nodes.size() == 1 ? "loopback" : "cable";
        return List.of(
            Link.connect(
                simulator,
                name,
                first.rnic().port(),
                other.rnic().port(),
                propagationPs,
                streams,
                registry));
      }
      List<Link> cables = new ArrayList<>();
      FabricSwitch fabricSwitch =
          new FabricSwitch(simulator, "switch", switchConfig(hardware, nodes.size()), registry);
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
                registry));
        fabricSwitch.route(node.rnic().address(), port);
      }
      return cables;
    }

    /**
     * Assumptions: a lossless switch (PFC) with 300 ns forwarding and 1 MiB per output queue, the
     * hosts' port rate and MAC/PHY latencies; each host may park a quarter MiB in it before PFC
     * pauses it.
     */
    private static SwitchConfig switchConfig(HardwareProfile hardware, int ports) {
      long xoffBytes = 256 * 1024;
      return new SwitchConfig(
          ports,
          hardware.port().rateBitsPerSecond(),
          300 * SimTime.PS_PER_NS,
          hardware.port().txLatencyPs(),
          hardware.port().rxLatencyPs(),
          1024 * 1024,
          true,
          xoffBytes,
          xoffBytes / 2);
    }
  }
}
