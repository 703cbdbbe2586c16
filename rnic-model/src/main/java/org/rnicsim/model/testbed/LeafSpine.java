package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.fabric.SwitchPortConfig;
import org.rnicsim.model.profile.PortProfile;

/**
 * A two-tier Clos fabric: every leaf switch has {@code hostsPerLeaf} machines below it and one link
 * up to each spine switch. Host links run at the adapters' port rate over the profile's cable;
 * leaf-to-spine links at {@code spineLinkBitsPerSecond} over {@code spineLinkDelayPs}, so a leaf is
 * oversubscribed by hostsPerLeaf x host rate / (spines x spine rate).
 *
 * <p>Machine i sits on leaf {@code i % leaves}, host port {@code i / leaves}: machines are dealt
 * round the leaves, so a study's server (machine 0) and its first client are on different leaves
 * and their traffic crosses a spine. A leaf's ports 0 to hostsPerLeaf - 1 go to its hosts, port
 * hostsPerLeaf + s to spine s; spine port l goes to leaf l.
 *
 * @param pfc whether the switches pause (lossless, XOFF per port from {@link PfcBudget}) or drop
 */
public record LeafSpine(
    int leaves,
    int spines,
    int hostsPerLeaf,
    long spineLinkBitsPerSecond,
    long spineLinkDelayPs,
    boolean pfc) {

  public LeafSpine {
    if (leaves < 2 || spines < 1 || hostsPerLeaf < 1) {
      throw new IllegalArgumentException(
          "a leaf-spine needs two leaves, a spine and a host per leaf: "
              + leaves
              + " leaves, "
              + spines
              + " spines, "
              + hostsPerLeaf
              + " hosts per leaf");
    }
    if (spineLinkBitsPerSecond <= 0 || spineLinkDelayPs < 0) {
      throw new IllegalArgumentException(
          "bad leaf-spine link: " + spineLinkBitsPerSecond + " bit/s, " + spineLinkDelayPs + " ps");
    }
  }

  /** The most machines the leaves have ports for. */
  public int maxMachines() {
    return Math.multiplyExact(leaves, hostsPerLeaf);
  }

  /** The leaf machine {@code machine} hangs off. */
  public int leafOf(int machine) {
    return machine % leaves;
  }

  /** The leaf port machine {@code machine} is cabled to. */
  public int leafPortOf(int machine) {
    return machine / leaves;
  }

  /** The leaf port of the uplink to spine {@code spine}. */
  public int uplinkPort(int spine) {
    return hostsPerLeaf + spine;
  }

  /** Hosts per leaf x host rate over spines x spine rate; above 1 the leaves are oversubscribed. */
  public double oversubscription(long hostLinkBitsPerSecond) {
    return (double) hostsPerLeaf
        * hostLinkBitsPerSecond
        / ((double) spines * spineLinkBitsPerSecond);
  }

  /**
   * A leaf's ports: hosts at the adapters' rate, uplinks at the spine rate, each with the XOFF that
   * leaves its own 802.1Qbb headroom inside an equal share of {@code bufferBytes}. XON at half of
   * XOFF is an assumption, as on the star.
   */
  public List<SwitchPortConfig> leafPorts(PortProfile port, long bufferBytes) {
    int ports = hostsPerLeaf + spines;
    List<SwitchPortConfig> configs = new ArrayList<>(ports);
    for (int i = 0; i < ports; i++) {
      configs.add(
          i < hostsPerLeaf
              ? portConfig(hostBudget(port), port.rateBitsPerSecond(), bufferBytes, ports)
              : portConfig(spineBudget(port), spineLinkBitsPerSecond, bufferBytes, ports));
    }
    return configs;
  }

  /** A spine's ports, one per leaf, all at the spine rate. */
  public List<SwitchPortConfig> spinePorts(PortProfile port, long bufferBytes) {
    List<SwitchPortConfig> configs = new ArrayList<>(leaves);
    for (int i = 0; i < leaves; i++) {
      configs.add(portConfig(spineBudget(port), spineLinkBitsPerSecond, bufferBytes, leaves));
    }
    return configs;
  }

  /**
   * The least output buffer that keeps every switch lossless when all its ingress ports send to one
   * output: each port's share must hold XOFF of one frame, the frame that crosses it and its
   * headroom, on the leaves (hosts and uplinks) and on the spines alike.
   */
  public long minimumBufferBytes(PortProfile port) {
    long share = Math.max(hostBudget(port).shareBytes(), spineBudget(port).shareBytes());
    long leafBytes = Math.multiplyExact(share, hostsPerLeaf + spines);
    long spineBytes = spineBudget(port).minimumBufferBytes(leaves);
    return Math.max(leafBytes, spineBytes);
  }

  public String describe() {
    return leaves + " leaves, " + spines + " spines, up to " + hostsPerLeaf + " hosts per leaf";
  }

  private PfcBudget hostBudget(PortProfile port) {
    return PfcBudget.forAdapterPorts(port);
  }

  private PfcBudget spineBudget(PortProfile port) {
    return PfcBudget.forLink(port, spineLinkBitsPerSecond, spineLinkDelayPs);
  }

  private static SwitchPortConfig portConfig(
      PfcBudget budget, long rateBitsPerSecond, long bufferBytes, int ingressPorts) {
    long xoffBytes = budget.xoffBytes(bufferBytes, ingressPorts);
    return new SwitchPortConfig(rateBitsPerSecond, xoffBytes, xoffBytes / 2);
  }
}
