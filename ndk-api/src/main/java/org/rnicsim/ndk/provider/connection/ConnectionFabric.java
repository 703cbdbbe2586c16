package org.rnicsim.ndk.provider.connection;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.AdapterNode;

/**
 * Carries the connection manager's messages ({@link CmMessage}) between the providers of one
 * simulation. Each provider registers the IP address it answers on and the rnic-model {@link
 * AdapterNode} it runs on; {@code NdkHosts} does both. Each message is a management datagram (one
 * 256-byte MAD to QP1) from the sending provider's adapter to the one the destination IP maps to:
 * the doorbell and MAD fetch over PCIe, the port (behind packets already there), the links and any
 * switch (loss and link-down included), the MAD and CQE DMA, EQE, MSI-X, ISR and the DPC of the
 * receiving host's CM agent (rnic-model {@code adapter.management}), and the agent's CPU time per
 * MAD on both hosts (HardwareConfig's cmMadCostPs). Messages can be lost, so connectors resend per
 * {@link CmRetries} and give up with IO_TIMEOUT.
 *
 * <p>Interp: a message carries the sender's connector itself as its connection identifier (what the
 * IB CM's local and remote communication IDs name); the receiving provider acts on it only when the
 * datagram has arrived. Address resolution is a table lookup with no ARP or path query: connecting
 * to an IP that no provider registered fails at once with HOST_UNREACHABLE.
 */
public final class ConnectionFabric {
  /**
   * Interp: the CM agent's DPC runs on core 0, beside the firmware command completions, and its
   * sends are built there too, whichever call or event they answer.
   */
  static final int AGENT_CORE = 0;

  private final RnicSimulator simulator;
  private final CmRetries retries;
  // Looked up by key only, never iterated.
  private final Map<InetAddress, SimConnections> hosts = new HashMap<>();
  private final Map<SimConnections, AdapterNode> nodes = new IdentityHashMap<>();

  private ConnectionFabric(RnicSimulator simulator, CmRetries retries) {
    this.simulator = simulator;
    this.retries = retries;
  }

  /**
   * A fabric whose messages travel as packets between the providers' adapter nodes (see the class
   * comment), resent per {@code retries}. Register each provider with {@link
   * SimConnections#SimConnections(ConnectionFabric, InetAddress, AdapterNode)}, giving the node the
   * provider was built on.
   */
  public static ConnectionFabric overAdapters(RnicSimulator simulator, CmRetries retries) {
    if (retries == null) {
      throw new IllegalArgumentException("a fabric that loses messages needs CM retries");
    }
    return new ConnectionFabric(simulator, retries);
  }

  /** As {@link #overAdapters(RnicSimulator, CmRetries)} with {@link CmRetries#assumedDefault}. */
  public static ConnectionFabric overAdapters(RnicSimulator simulator) {
    return overAdapters(simulator, CmRetries.assumedDefault());
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  /**
   * How long a Disconnect lets its QP's requests drain before the DREQ goes out regardless.
   * Assumption: one CM response timeout, so a Send stuck on endless RNR retries cannot hold a
   * Disconnect forever.
   */
  long drainLimitPs() {
    return retries.responseTimeoutPs();
  }

  /** A connector's resend timer. */
  RetransmitTimer retransmitTimer() {
    return new RetransmitTimer(simulator, retries);
  }

  void register(InetAddress address, SimConnections host, AdapterNode node, long cmMadCostPs) {
    if (node == null) {
      throw new IllegalArgumentException(
          address + ": a packet fabric needs the adapter node the provider runs on");
    }
    if (hosts.putIfAbsent(address, host) != null) {
      throw new IllegalArgumentException(address + " is already some provider's address");
    }
    nodes.put(host, node);
    node.setManagementAgent(
        AGENT_CORE, cmMadCostPs, (source, datagram) -> ((CmDatagram) datagram).arrival().run());
  }

  /** The connection manager answering on {@code address}, or null: no such host. */
  SimConnections host(InetAddress address) {
    return hosts.get(address);
  }

  /** Sends {@code message} from one host's manager to another's; {@code arrival} runs there. */
  void send(CmMessage message, SimConnections from, SimConnections to, Runnable arrival) {
    int destination = nodes.get(to).rnic().address();
    nodes.get(from).sendManagementDatagram(destination, new CmDatagram(message, arrival));
  }

  /** A Connect to an address nobody registered fails with HOST_UNREACHABLE (class comment). */
  void unreachable(Runnable failure) {
    simulator.schedule(0, failure);
  }

  /**
   * True once the adapter {@code host}'s messages leave by was surprise-removed: nothing it sends
   * gets out and nothing reaches it (rnic-model's management QP).
   */
  boolean isRemoved(SimConnections host) {
    return nodes.get(host).rnic().isRemoved();
  }

  /** What a MAD carries: its CM message kind, and what the receiving manager does with it. */
  private record CmDatagram(CmMessage message, Runnable arrival) {
    @Override
    public String toString() {
      return message.name();
    }
  }
}
