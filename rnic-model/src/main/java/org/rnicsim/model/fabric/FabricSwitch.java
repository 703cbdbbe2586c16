package org.rnicsim.model.fabric;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
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
 * <p>With {@linkplain SwitchConfig#ecn ECN marking} on, each output queue marks ECN-capable packets
 * CE as they join it ({@link EcnMarker}).
 *
 * <p>Statistics under {@code <name>.out<i>}: the port's own (see {@link Port}) and {@code .drops};
 * under {@code <name>.in<i>}: {@code .pauses}.
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
  private final Map<Integer, Integer> routes = new HashMap<>();

  public FabricSwitch(
      RnicSimulator simulator, String name, SwitchConfig config, StatisticsRegistry stats) {
    this(simulator, name, config, stats, null);
  }

  /**
   * @param streams where each output queue's ECN marking draws from ({@code <name>.out<i>.ecn});
   *     may be null when {@code config} marks nothing
   */
  public FabricSwitch(
      RnicSimulator simulator,
      String name,
      SwitchConfig config,
      StatisticsRegistry stats,
      RandomStreams streams) {
    if (config.ecn().enabled() && streams == null) {
      throw new IllegalArgumentException(name + ": ECN marking needs random streams");
    }
    this.simulator = simulator;
    this.name = name;
    this.config = config;
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
              config.rateBitsPerSecond(),
              config.txLatencyPs(),
              config.rxLatencyPs(),
              Integer.MAX_VALUE,
              stats);
      ports[i].setReceiver(packet -> arrived(index, packet));
      drops[i] = stats.counter(name + ".out" + i + ".drops");
      pauses[i] = stats.counter(name + ".in" + i + ".pauses");
      ingress[i] = new IngressAccount(index);
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

  /** Packets for {@code address} leave through port {@code portIndex}. */
  public void route(int address, int portIndex) {
    if (portIndex < 0 || portIndex >= ports.length) {
      throw new IllegalArgumentException(name + " has no port " + portIndex);
    }
    routes.put(address, portIndex);
  }

  public long drops(int outputPort) {
    return drops[outputPort].count();
  }

  public long pauses(int ingressPort) {
    return pauses[ingressPort].count();
  }

  private void arrived(int inPort, Packet packet) {
    Integer outPort = routes.get(packet.destinationAddress());
    if (outPort == null) {
      lose(inPort, packet, "no route to " + packet.destinationAddress());
      return;
    }
    Port out = ports[outPort];
    long queueBytes = out.backlogBytes();
    if (queueBytes + packet.wireBytes() > config.outputBufferBytes()) {
      lose(outPort, packet, "output buffer full");
      return;
    }
    if (ecn[outPort] != null) {
      ecn[outPort].offer(packet, queueBytes);
    }
    long departurePs = out.transmit(simulator.nowPs() + config.forwardingLatencyPs(), packet);
    if (departurePs == Long.MAX_VALUE) {
      // The output is itself paused from downstream (switch chains): assume it leaves after what
      // is booked now. Approximate; a single switch never gets here.
      departurePs = out.busyUntilPs() + out.serialisationPs(packet.wireBytes());
    }
    if (config.pfc()) {
      ingress[inPort].hold(packet.wireBytes(), departurePs);
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

  /**
   * PFC ingress accounting of one port: the bytes that came in through it and have not left the
   * switch yet, known from their departure times; checked again at each departure while paused.
   */
  private final class IngressAccount extends SimEvent {
    private final int port;
    private final ArrayDeque<long[]> held = new ArrayDeque<>();
    private long heldBytes;
    private boolean pausing;
    private long lastControlArrivalPs;

    IngressAccount(int port) {
      this.port = port;
    }

    void hold(long bytes, long departurePs) {
      held.addLast(new long[] {departurePs, bytes});
      heldBytes += bytes;
      release();
      if (!pausing && heldBytes > config.pfcXoffBytes()) {
        pausing = true;
        pauses[port].increment();
        Port partner = ports[port].peer();
        if (partner != null) {
          sendControlFrame(partner, partner::pause);
        }
        checkLater();
      }
    }

    /**
     * Sends a PAUSE (XOFF, or XON as a zero pause time) to {@code partner}: after the frame this
     * port is serialising, the control frame's own serialisation, this port's transmit latency, the
     * cable and the partner's receive latency. Control frames of one port arrive in send order.
     */
    private void sendControlFrame(Port partner, Runnable action) {
      long arrivalPs = ports[port].controlFrameArrivalPs();
      lastControlArrivalPs = Math.max(lastControlArrivalPs, arrivalPs);
      simulator.scheduleAt(lastControlArrivalPs, RnicSimulator.PRIORITY_HIGH, action);
    }

    private void release() {
      long now = simulator.nowPs();
      for (var it = held.iterator(); it.hasNext(); ) {
        long[] entry = it.next();
        if (entry[0] <= now) {
          heldBytes -= entry[1];
          it.remove();
        }
      }
    }

    private void checkLater() {
      long next = Long.MAX_VALUE;
      for (long[] entry : held) {
        next = Math.min(next, entry[0]);
      }
      if (next == Long.MAX_VALUE) {
        next = simulator.nowPs();
      }
      if (!isScheduled()) {
        simulator.reschedule(
            this, Math.max(next, simulator.nowPs()), RnicSimulator.PRIORITY_NORMAL);
      }
    }

    @Override
    protected void fire() {
      release();
      if (pausing && heldBytes < config.pfcXonBytes()) {
        pausing = false;
        Port partner = ports[port].peer();
        if (partner != null) {
          sendControlFrame(partner, partner::resume);
        }
        return;
      }
      if (pausing) {
        checkLater();
      }
    }
  }
}
