package org.rnicsim.ndk.provider.connection;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;

/**
 * Carries connection-management messages (request, reply, reject, ready-to-use, disconnect) between
 * the providers of one simulation, each message taking a fixed latency, in order. Each provider
 * registers the IP address its adapter answers on. A stand-in until the rnic-model fabric (ports,
 * links, switch) carries these messages as packets.
 */
public final class ConnectionFabric {
  private final RnicSimulator simulator;
  private final long messageLatencyPs;
  // Looked up by address only, never iterated.
  private final Map<InetAddress, SimConnections> hosts = new HashMap<>();

  /**
   * @param messageLatencyPs one message, from send to arrival at the peer provider
   */
  public ConnectionFabric(RnicSimulator simulator, long messageLatencyPs) {
    if (messageLatencyPs < 0) {
      throw new IllegalArgumentException("message latency must be >= 0 ps");
    }
    this.simulator = simulator;
    this.messageLatencyPs = messageLatencyPs;
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  void register(InetAddress address, SimConnections host) {
    if (hosts.putIfAbsent(address, host) != null) {
      throw new IllegalArgumentException(address + " is already some provider's address");
    }
  }

  /** The connection manager answering on {@code address}, or null: no such host. */
  SimConnections host(InetAddress address) {
    return hosts.get(address);
  }

  /** Delivers a message: {@code arrival} runs one message latency from now. */
  void send(Runnable arrival) {
    simulator.schedule(messageLatencyPs, arrival);
  }
}
