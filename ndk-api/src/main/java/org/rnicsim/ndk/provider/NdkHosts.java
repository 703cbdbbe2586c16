package org.rnicsim.ndk.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.model.testbed.Cabling;
import org.rnicsim.model.testbed.Testbed;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.connection.ConnectionFabric;
import org.rnicsim.ndk.provider.connection.SimConnections;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.work.RnicWorkEngine;

/**
 * N simulated hosts: the machines of an rnic-model {@link Testbed} (each an {@link AdapterNode}:
 * adapter, firmware command queue, interrupts, cores) with a {@link SimNdkProvider} on each, all
 * sharing one {@link RnicWorkEngine} so their QPs can connect, and one {@link
 * ConnectionFabric#overAdapters packet CM fabric}, so their connection messages travel as
 * management datagrams over the same ports, links and switch. Host i has adapter address i + 1 and
 * answers connection requests on IP 10.0.0.(i + 1). Back to back, one host has its port looped back
 * (a loopback plug: its QPs connect to each other over its own wire) and two share a cable; on a
 * switch, any number hang off it.
 */
public final class NdkHosts {
  private final Testbed testbed;
  private final RnicWorkEngine engine;
  private final ConnectionFabric fabric;
  private final List<SimNdkProvider> providers;

  private NdkHosts(
      Testbed testbed,
      RnicWorkEngine engine,
      ConnectionFabric fabric,
      List<SimNdkProvider> providers) {
    this.testbed = testbed;
    this.engine = engine;
    this.fabric = fabric;
    this.providers = List.copyOf(providers);
  }

  /** Hosts on {@code simulator}; see the builder's defaults. */
  public static Builder builder(RnicSimulator simulator) {
    return new Builder(simulator);
  }

  public RnicSimulator simulator() {
    return testbed.simulator();
  }

  public StatisticsRegistry stats() {
    return testbed.stats();
  }

  /** The machines and their cabling. */
  public Testbed testbed() {
    return testbed;
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
    return testbed.hardware();
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
    return testbed.cable(host);
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
    return testbed.size();
  }

  public AdapterNode node(int host) {
    return testbed.node(host);
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
    return machines(simulator, List.of(name), connectX4Class(), config, Cabling.backToBack())
        .streams(streams)
        .stats(stats)
        .build()
        .node(0);
  }

  /** The testbed of hosts {@code names}: {@code config}'s cores, firmware and interrupt costs. */
  private static Testbed.Builder machines(
      RnicSimulator simulator,
      List<String> names,
      HardwareProfile profile,
      HardwareConfig config,
      Cabling cabling) {
    return Testbed.builder(simulator, withEndlessRnrRetry(profile))
        .names(names)
        .cabling(cabling)
        .coreCount(config.coreCount())
        .firmware(config.firmware())
        .interruptCosts(config.interruptCosts());
  }

  /** Builds {@link NdkHosts}. */
  public static final class Builder {
    private final RnicSimulator simulator;
    private List<String> names = List.of("nic0");
    private HardwareProfile profile = connectX4Class();
    private HardwareConfig config;
    private Cabling cabling = Cabling.backToBack();
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

    /**
     * The adapters' hardware; default {@link #connectX4Class()}. RNR retries are made endless. Its
     * cores and firmware command times are the hosts' unless {@link #hardware} says otherwise.
     */
    public Builder profile(HardwareProfile value) {
      this.profile = value;
      return this;
    }

    /**
     * Host cores, firmware latencies and interrupt costs; default {@link HardwareConfig#of} the
     * profile. Its host-write latency and command core are not used: EQEs and MSI-X travel the
     * adapter's modelled PCIe link, command completions run on core 0.
     */
    public Builder hardware(HardwareConfig value) {
      this.config = value;
      return this;
    }

    /** Back to back (the default: one or two hosts) or on a switch (any number). */
    public Builder cabling(Cabling value) {
      this.cabling = value;
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
      HardwareConfig hardware = config != null ? config : HardwareConfig.of(profile);
      Testbed.Builder machines = machines(simulator, names, profile, hardware, cabling);
      Testbed testbed = machines.streams(new RandomStreams(seed, 0)).stats(stats).build();
      RnicWorkEngine engine = new RnicWorkEngine();
      ConnectionFabric fabric = ConnectionFabric.overAdapters(simulator, cmRetries);
      List<SimNdkProvider> providers = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        AdapterNode node = testbed.node(i);
        SimNdkProvider.Builder builder =
            SimNdkProvider.builder(simulator)
                .name(names.get(i))
                .stats(testbed.stats())
                .node(node)
                .engine(engine)
                .connections(
                    new SimConnections(fabric, ipAddressOf(i), node, hardware.cmMadCostPs()));
        customise.accept(i, builder);
        providers.add(builder.build());
      }
      return new NdkHosts(testbed, engine, fabric, providers);
    }
  }
}
