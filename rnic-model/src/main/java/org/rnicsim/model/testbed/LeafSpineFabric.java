package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.fabric.SwitchPortConfig;
import org.rnicsim.model.profile.PortProfile;

/**
 * Builds a {@link LeafSpine} for {@link Testbed}: the switches, the cables and the routing tables,
 * all fixed at build time. A leaf sends a packet for one of its own hosts down that host's port and
 * any other up to a spine chosen per flow by ECMP; a spine sends it down to the destination's leaf.
 * Every path is leaf, spine, leaf (or one leaf), so routes never loop and PFC cannot deadlock.
 *
 * @param switches the leaves ({@code leaf0}, ...), then the spines ({@code spine0}, ...)
 * @param hostCables machine i's cable to its leaf, {@code cable<i>}
 * @param spineLinks the cable of leaf l to spine s, {@code leaf<l>-spine<s>}
 */
record LeafSpineFabric(List<FabricSwitch> switches, List<Link> hostCables, List<Link> spineLinks) {

  static LeafSpineFabric build(
      RnicSimulator simulator,
      List<AdapterNode> nodes,
      Cabling cabling,
      PortProfile port,
      RandomStreams streams,
      StatisticsRegistry stats) {
    LeafSpine shape = cabling.leafSpine();
    long bufferBytes = cabling.switchBufferBytes();
    List<SwitchPortConfig> leafPorts = shape.leafPorts(port, bufferBytes);
    List<SwitchPortConfig> spinePorts = shape.spinePorts(port, bufferBytes);
    List<FabricSwitch> leaves = new ArrayList<>();
    for (int l = 0; l < shape.leaves(); l++) {
      SwitchConfig config = switchConfig(cabling, port, leafPorts);
      leaves.add(new FabricSwitch(simulator, "leaf" + l, config, leafPorts, stats, streams));
    }
    List<FabricSwitch> spines = new ArrayList<>();
    for (int s = 0; s < shape.spines(); s++) {
      SwitchConfig config = switchConfig(cabling, port, spinePorts);
      spines.add(new FabricSwitch(simulator, "spine" + s, config, spinePorts, stats, streams));
    }
    List<Link> hostCables = new ArrayList<>();
    for (int machine = 0; machine < nodes.size(); machine++) {
      FabricSwitch leaf = leaves.get(shape.leafOf(machine));
      hostCables.add(
          Link.connect(
              simulator,
              "cable" + machine,
              nodes.get(machine).rnic().port(),
              leaf.port(shape.leafPortOf(machine)),
              port.propagationDelayPs(),
              streams,
              stats));
    }
    List<Link> spineLinks = new ArrayList<>();
    for (int l = 0; l < shape.leaves(); l++) {
      for (int s = 0; s < shape.spines(); s++) {
        spineLinks.add(
            Link.connect(
                simulator,
                "leaf" + l + "-spine" + s,
                leaves.get(l).port(shape.uplinkPort(s)),
                spines.get(s).port(l),
                shape.spineLinkDelayPs(),
                streams,
                stats));
      }
    }
    route(shape, nodes, leaves, spines);
    List<FabricSwitch> switches = new ArrayList<>(leaves);
    switches.addAll(spines);
    return new LeafSpineFabric(List.copyOf(switches), hostCables, spineLinks);
  }

  private static void route(
      LeafSpine shape,
      List<AdapterNode> nodes,
      List<FabricSwitch> leaves,
      List<FabricSwitch> spines) {
    int[] uplinks = new int[shape.spines()];
    for (int s = 0; s < uplinks.length; s++) {
      uplinks[s] = shape.uplinkPort(s);
    }
    for (int machine = 0; machine < nodes.size(); machine++) {
      int address = nodes.get(machine).rnic().address();
      int home = shape.leafOf(machine);
      for (int l = 0; l < leaves.size(); l++) {
        if (l == home) {
          leaves.get(l).route(address, shape.leafPortOf(machine));
        } else {
          leaves.get(l).routeEqualCost(address, uplinks);
        }
      }
      for (FabricSwitch spine : spines) {
        spine.route(address, home);
      }
    }
  }

  /**
   * The settings every port shares: the cabling's latency and buffer, the adapters' MAC and PHY
   * latencies; the first port's rate and thresholds stand for the switch where one figure is asked.
   */
  private static SwitchConfig switchConfig(
      Cabling cabling, PortProfile port, List<SwitchPortConfig> ports) {
    SwitchPortConfig first = ports.get(0);
    return new SwitchConfig(
        ports.size(),
        first.rateBitsPerSecond(),
        cabling.switchLatencyPs(),
        port.txLatencyPs(),
        port.rxLatencyPs(),
        cabling.switchBufferBytes(),
        cabling.leafSpine().pfc(),
        first.pfcXoffBytes(),
        first.pfcXonBytes(),
        cabling.ecn());
  }
}
