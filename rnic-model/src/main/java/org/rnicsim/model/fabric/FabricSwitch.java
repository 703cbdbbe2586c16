package org.rnicsim.model.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.trace.ModelTraceEvent.PacketLost;

/**
 * An output-queued switch: a packet arriving on any port is forwarded, after the forwarding
 * latency, to the output port its destination address is routed to, where it waits in that port's
 * FIFO. Each output queue holds at most {@code outputBufferBytes}; a packet that does not fit is
 * dropped, and the RC transport recovers it. With PFC, the switch counts the bytes each ingress
 * port has in the switch and pauses that port's link partner above XOFF until they fall below XON.
 * The PAUSE is a frame like any other: it waits for the frame the switch is serialising toward the
 * partner, crosses the cable, and stops the partner at its next frame boundary, so bytes keep
 * arriving for a while after XOFF; the configuration must leave that headroom free (see {@link
 * SwitchConfig#pfcHeadroomBytes}) for the fabric to be lossless. Assumption: the partner reacts the
 * moment the PAUSE has arrived (802.1Qbb allows it a response time; an adapter's MAC needs about
 * none).
 *
 * <p>A destination may have several equal-cost output ports (a leaf's uplinks to the spines); a
 * packet then takes the one its flow hashes to ({@link Ecmp}). Ports may differ in rate and PFC
 * thresholds ({@link SwitchPortConfig}). An ingress port's bytes count until they have really left
 * the switch: an output paused from downstream holds them, and the ingress pauses in turn, which is
 * how PFC backs congestion up hop by hop.
 *
 * <p>With {@linkplain SwitchConfig#ecn ECN marking} on, each output queue marks ECN-capable packets
 * CE as they join it ({@link EcnMarker}).
 *
 * <p>Statistics under {@code <name>.out<i>}: the port's own (see {@link Port}) and {@code .drops};
 * under {@code <name>.in<i>}: {@code .pauses}; together in {@link #portStatistics()}.
 */
public final class FabricSwitch {
  private final RnicSimulator simulator;
  private final String name;
  private final SwitchConfig config;
  private final Port[] ports;
  private final Counter[] drops;
  private final Counter[] pauses;
  private final IngressAccount[] ingress;
  private final EcnMarker[] ecn;
  // The config's figures read per packet, kept here: one object fewer touched per hop.
  private final boolean pfc;
  private final long outputBufferBytes;
  private final long forwardingLatencyPs;
  // The packet arrived() is handing to an output, or null.
  private Packet forwarding;
  // Output ports by destination address (addresses are small and dense): an array read per
  // packet instead of a boxed map lookup.
  private int[][] routes = new int[0][];

  /** A switch whose ports all run at {@code config}'s rate with its PFC thresholds. */
  public FabricSwitch(
      RnicSimulator simulator, String name, SwitchConfig config, StatisticsRegistry stats) {
    this(simulator, name, config, stats, null);
  }

  /** A switch whose ports all run at {@code config}'s rate, marking from {@code streams}. */
  public FabricSwitch(
      RnicSimulator simulator,
      String name,
      SwitchConfig config,
      StatisticsRegistry stats,
      RandomStreams streams) {
    this(
        simulator,
        name,
        config,
        Collections.nCopies(config.ports(), SwitchPortConfig.uniform(config)),
        stats,
        streams);
  }

  /**
   * A switch of {@code config} whose port i has the rate and PFC thresholds of {@code
   * portConfigs.get(i)} (the config's own rate and thresholds are then not used).
   *
   * @param streams where each output queue's ECN marking draws from ({@code <name>.out<i>.ecn});
   *     may be null when {@code config} marks nothing
   */
  public FabricSwitch(
      RnicSimulator simulator,
      String name,
      SwitchConfig config,
      List<SwitchPortConfig> portConfigs,
      StatisticsRegistry stats,
      RandomStreams streams) {
    if (portConfigs.size() != config.ports()) {
      throw new IllegalArgumentException(name + ": one port config per port is needed");
    }
    if (config.ecn().enabled() && streams == null) {
      throw new IllegalArgumentException(name + ": ECN marking needs random streams");
    }
    this.simulator = simulator;
    this.name = name;
    this.config = config;
    this.pfc = config.pfc();
    this.outputBufferBytes = config.outputBufferBytes();
    this.forwardingLatencyPs = config.forwardingLatencyPs();
    this.ports = new Port[config.ports()];
    this.drops = new Counter[config.ports()];
    this.pauses = new Counter[config.ports()];
    this.ingress = new IngressAccount[config.ports()];
    this.ecn = new EcnMarker[config.ports()];
    for (int i = 0; i < ports.length; i++) {
      int index = i;
      ports[i] =
          new Port(
              simulator,
              name + ".out" + i,
              portConfigs.get(i).rateBitsPerSecond(),
              config.txLatencyPs(),
              config.rxLatencyPs(),
              Integer.MAX_VALUE,
              stats);
      ports[i].setReceiver(packet -> arrived(index, packet));
      if (config.pfc()) {
        ports[i].setDepartureListener(
            (packet, departurePs) -> departureBooked(index, packet, departurePs));
      }
      drops[i] = stats.counter(name + ".out" + i + ".drops");
      pauses[i] = stats.counter(name + ".in" + i + ".pauses");
      ingress[i] = new IngressAccount(simulator, ports, i, portConfigs.get(i), pauses[i]);
      if (config.ecn().enabled()) {
        ecn[i] = new EcnMarker(config.ecn(), ports[i], streams);
      }
    }
  }

  /** The switch's settings. */
  public SwitchConfig config() {
    return config;
  }

  /** Port {@code index}, to be cabled with {@link Link#connect}. */
  public Port port(int index) {
    return ports[index];
  }

  public String name() {
    return name;
  }

  /** Ports, to be read by index. */
  public int portCount() {
    return ports.length;
  }

  /** Packets for {@code address} leave through port {@code portIndex}. */
  public void route(int address, int portIndex) {
    routeEqualCost(address, portIndex);
  }

  /**
   * Packets for {@code address} leave through one of {@code portIndexes}, each flow always through
   * the same one ({@link Ecmp}).
   */
  public void routeEqualCost(int address, int... portIndexes) {
    if (portIndexes.length == 0) {
      throw new IllegalArgumentException(name + ": a route needs a port");
    }
    for (int portIndex : portIndexes) {
      if (portIndex < 0 || portIndex >= ports.length) {
        throw new IllegalArgumentException(name + " has no port " + portIndex);
      }
    }
    if (address < 0) {
      throw new IllegalArgumentException(name + ": bad address " + address);
    }
    if (address >= routes.length) {
      routes = Arrays.copyOf(routes, Math.max(address + 1, 2 * routes.length));
    }
    routes[address] = portIndexes.clone();
  }

  /** Each port's counters and egress queue since the statistics were last reset, by index. */
  public List<PortStatistics> portStatistics() {
    List<PortStatistics> all = new ArrayList<>(ports.length);
    for (int i = 0; i < ports.length; i++) {
      all.add(ports[i].statistics(pauses[i].count(), drops[i].count()));
    }
    return all;
  }

  public long drops(int outputPort) {
    return drops[outputPort].count();
  }

  public long pauses(int ingressPort) {
    return pauses[ingressPort].count();
  }

  private void arrived(int inPort, Packet packet) {
    int destination = packet.destinationAddress();
    int[] outPorts = destination >= 0 && destination < routes.length ? routes[destination] : null;
    if (outPorts == null) {
      lose(inPort, packet, "no route to " + packet.destinationAddress());
      return;
    }
    int outPort = outPorts.length == 1 ? outPorts[0] : outPorts[Ecmp.path(packet, outPorts.length)];
    Port out = ports[outPort];
    long queueBytes = out.backlogBytes();
    if (queueBytes + packet.wireBytes() > outputBufferBytes) {
      lose(outPort, packet, "output buffer full");
      return;
    }
    if (ecn[outPort] != null) {
      ecn[outPort].offer(packet, queueBytes);
    }
    if (!pfc) {
      out.transmit(simulator.nowPs() + forwardingLatencyPs, packet);
      return;
    }
    // Not held yet while handed over: the departure the output books now is the one transmit
    // returns; later bookings (a pause, a resume) reach the account through departureBooked.
    forwarding = packet;
    long departurePs = out.transmit(simulator.nowPs() + forwardingLatencyPs, packet);
    forwarding = null;
    ingress[inPort].hold(packet, outPort, departurePs);
  }

  /**
   * Output {@code outPort} booked {@code packet}'s departure, or a pause took the booking back.
   * Only a PFC switch listens, and every packet its outputs book but the one being handed over is
   * held here.
   */
  private void departureBooked(int outPort, Packet packet, long departurePs) {
    if (packet != forwarding) {
      ingress[packet.heldIngress].rebooked(outPort, packet.heldSeq, departurePs);
    }
  }

  private void lose(int port, Packet packet, String reason) {
    drops[port].increment();
    Trace trace = simulator.trace();
    if (trace.isOn()) {
      trace.emit(
          new PacketLost(simulator.nowPs(), name + ".out" + port, packet.toString(), reason));
    }
  }
}
