package org.rnicsim.ndk.provider;

import java.net.InetAddress;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.connection.ConnectionFabric;
import org.rnicsim.ndk.provider.connection.SimConnections;

/**
 * Two rnic-model adapter nodes (host, adapter, firmware, interrupts) cabled back to back, with a
 * connection fabric whose CM messages travel between them as packets. A provider built on side i
 * takes {@link #node(int)} and {@link #connections(int, InetAddress)}.
 */
final class AdapterPair {
  final RnicSimulator sim;
  final StatisticsRegistry stats;
  final HardwareProfile profile = AdapterNodeHardwareTest.profile();
  final ConnectionFabric fabric;
  final Link cable;
  private final AdapterNode[] nodes = new AdapterNode[2];

  AdapterPair(String name, long seed, CmRetries retries) {
    this.sim = new RnicSimulator(name);
    this.stats = new StatisticsRegistry(sim);
    RandomStreams streams = new RandomStreams(seed, 0);
    for (int i = 0; i < 2; i++) {
      nodes[i] =
          new AdapterNode(
              sim,
              "nic" + i,
              i + 1,
              profile,
              new HostCpu(sim, "host" + i, profile.host().cpuCores(), stats),
              FirmwareConfig.assumedDefaults(),
              InterruptCosts.assumedDefault(),
              streams,
              stats);
    }
    this.cable =
        Link.connect(
            sim,
            "cable",
            nodes[0].rnic().port(),
            nodes[1].rnic().port(),
            profile.port().propagationDelayPs(),
            streams,
            stats);
    this.fabric = ConnectionFabric.overAdapters(sim, retries);
  }

  AdapterNode node(int side) {
    return nodes[side];
  }

  /** Side {@code side}'s connection manager, answering on {@code address}. */
  SimConnections connections(int side, InetAddress address) {
    return new SimConnections(fabric, address, nodes[side]);
  }

  /** The builder settings of a provider on side {@code side} answering on {@code address}. */
  void onSide(SimNdkProvider.Builder builder, int side, InetAddress address) {
    builder.node(nodes[side]).stats(stats).connections(connections(side, address));
  }

  /**
   * The least time a CM message can take from one provider to the other: its MAD's serialisation at
   * the port rate, the MAC/PHY latencies and the cable, all from the profile.
   */
  long wireFloorPs() {
    var port = profile.port();
    long wireBytes =
        org.rnicsim.model.adapter.management.ManagementQp.MAD_BYTES
            + port.packetHeaderBytes()
            + org.rnicsim.model.fabric.PacketOpcode.MANAGEMENT_DATAGRAM.extendedHeaderBytes();
    return port.serialisationPs(wireBytes)
        + port.txLatencyPs()
        + port.propagationDelayPs()
        + port.rxLatencyPs();
  }
}
