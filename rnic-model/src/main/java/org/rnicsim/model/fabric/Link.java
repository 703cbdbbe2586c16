package org.rnicsim.model.fabric;

import org.rnicsim.engine.EventFifo;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.trace.ModelTraceEvent.FaultInjected;
import org.rnicsim.model.trace.ModelTraceEvent.PacketLost;

/**
 * A full-duplex cable between two ports: propagation delay, up or down, and an optional random loss
 * rate drawn from a named stream per direction, so a rerun loses the same packets.
 *
 * <p>Going down loses every packet on the cable and every packet sent until it comes up again: each
 * direction counts its down events, and a packet that left under an older count is dropped when it
 * would arrive. Statistics per direction: {@code <name>.<a>-><b>.delivered} and {@code .lost}.
 */
public final class Link {
  private final RnicSimulator simulator;
  private final String name;
  private final Direction aToB;
  private final Direction bToA;
  private boolean up = true;

  private Link(
      RnicSimulator simulator,
      String name,
      Port a,
      Port b,
      long propagationDelayPs,
      RandomStreams streams,
      StatisticsRegistry stats) {
    if (propagationDelayPs < 0) {
      throw new IllegalArgumentException(name + ": negative propagation delay");
    }
    this.simulator = simulator;
    this.name = name;
    this.aToB = new Direction(a, b, propagationDelayPs, streams, stats);
    this.bToA = new Direction(b, a, propagationDelayPs, streams, stats);
    a.attachEgress(aToB, b);
    b.attachEgress(bToA, a);
  }

  /** Cables port {@code a} to port {@code b}. */
  public static Link connect(
      RnicSimulator simulator,
      String name,
      Port a,
      Port b,
      long propagationDelayPs,
      RandomStreams streams,
      StatisticsRegistry stats) {
    return new Link(simulator, name, a, b, propagationDelayPs, streams, stats);
  }

  public String name() {
    return name;
  }

  public boolean isUp() {
    return up;
  }

  /** Fault: the link goes down now; everything on the cable is lost. */
  public void goDown() {
    if (!up) {
      return;
    }
    up = false;
    aToB.epoch++;
    bToA.epoch++;
    traceFault("link down");
  }

  /** The link comes back up now. */
  public void goUp() {
    if (up) {
      return;
    }
    up = true;
    traceFault("link up");
  }

  /** Fault: each packet is lost independently with probability {@code lossRate} from now on. */
  public void setLossRate(double lossRate) {
    if (!(lossRate >= 0 && lossRate <= 1)) {
      throw new IllegalArgumentException(name + ": loss rate must be in [0, 1]: " + lossRate);
    }
    aToB.lossRate = lossRate;
    bToA.lossRate = lossRate;
    traceFault("loss rate " + lossRate);
  }

  public Direction aToB() {
    return aToB;
  }

  public Direction bToA() {
    return bToA;
  }

  private void traceFault(String fault) {
    Trace trace = simulator.trace();
    if (trace.isOn()) {
      trace.emit(new FaultInjected(simulator.nowPs(), name, fault));
    }
  }

  /** One direction of the cable. */
  public final class Direction {
    private final Port from;
    private final Port to;
    private final String label;
    private final long propagationDelayPs;
    private final SimRandom lossStream;
    private final Counter delivered;
    private final Counter lost;
    // The packets on the cable: they arrive in the order they were sent, as they leave one port
    // one after another and all pay the same delays.
    private final EventFifo inFlight;
    private int epoch;
    private double lossRate;

    private Direction(
        Port from,
        Port to,
        long propagationDelayPs,
        RandomStreams streams,
        StatisticsRegistry stats) {
      this.from = from;
      this.to = to;
      this.label = name + "." + from.name() + "->" + to.name();
      this.propagationDelayPs = propagationDelayPs;
      this.lossStream = streams.stream(label + ".loss");
      this.delivered = stats.counter(label + ".delivered");
      this.lost = stats.counter(label + ".lost");
      this.inFlight = new EventFifo(simulator, RnicSimulator.PRIORITY_NORMAL);
    }

    /** One-way propagation delay of the cable. */
    public long propagationDelayPs() {
      return propagationDelayPs;
    }

    public long deliveredPackets() {
      return delivered.count();
    }

    public long lostPackets() {
      return lost.count();
    }

    void carry(Packet packet, long onCablePs) {
      if (!up) {
        drop(packet, "link down");
        return;
      }
      if (lossRate > 0 && lossStream.bernoulli(lossRate)) {
        drop(packet, "random loss");
        return;
      }
      packet.travel(this, epoch);
      inFlight.schedule(packet, onCablePs + propagationDelayPs + to.rxLatencyPs());
    }

    /** Takes {@code packet} back before it arrives (a pause); false if it is not on the cable. */
    boolean takeBack(Packet packet) {
      return inFlight.cancel(packet);
    }

    void arrive(Packet packet, int sentInEpoch) {
      inFlight.fired(packet);
      if (sentInEpoch != epoch) {
        drop(packet, "link went down in flight");
        return;
      }
      delivered.increment();
      to.deliver(packet);
    }

    private void drop(Packet packet, String reason) {
      lost.increment();
      Trace trace = simulator.trace();
      if (trace.isOn()) {
        trace.emit(new PacketLost(simulator.nowPs(), label, packet.toString(), reason));
      }
    }
  }
}
