package org.rnicsim.model.fabric;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * A network port: packets leave one after another at the line rate, then pay the MAC and PHY
 * latency before the cable. Like the PCIe serialisers it needs no event of its own: each packet's
 * departure follows from the previous one's.
 *
 * <p>The port takes at most {@code queueSlots} packets ahead of the wire, which is what makes the
 * adapter's send scheduler choose between QPs instead of dumping everything into one FIFO. A sender
 * that finds it full asks to be called back when a slot frees.
 *
 * <p>A PFC pause ({@link #pause()}) stops the port at the next frame boundary, as IEEE 802.1Qbb has
 * a paused transmitter finish the frame it is sending and start no other: the frame being
 * serialised still goes, and every packet booked behind it (its departure was computed when it was
 * handed over) is taken back off the wire and waits, in order, for {@link #resume()}.
 *
 * <p>Statistics under {@code <name>} (see {@link PortCounters}): {@code .txPackets}, {@code
 * .txWireBytes}, {@code .busyPs} (utilisation = busyPs / observed time), {@code .queuedPacketPs},
 * the summed time packets spent in the port (time-average occupancy = queuedPacketPs / observed
 * time, Little's law), {@code .ecnMarks}, {@code .pfcPausesReceived} and the egress queue in bytes.
 */
public final class Port {
  private final RnicSimulator simulator;
  private final String name;
  private final long bitsPerSecond;
  private final long txLatencyPs;
  private final long rxLatencyPs;
  private final int queueSlots;
  private final WireTrace trace;
  private final PortCounters counters;
  private final RoomEvent roomEvent = new RoomEvent();

  // Rings whose length is a power of two (8, doubled when full), indexed by masking.
  private long[] departuresPs = new long[8];
  private long[] readiesPs = new long[8];
  private int[] wireBytesRing = new int[8];
  private Packet[] packetRing = new Packet[8];
  private final java.util.ArrayDeque<Packet> pausedBacklog = new java.util.ArrayDeque<>(0);

  private Port peer;
  private int head;
  private int count;
  private long busyUntilPs;
  private long pausedUntilPs;
  private long lastPfcFrameArrivalPs;
  private Link.Direction egress;
  private PacketSink receiver;
  private Runnable roomListener;
  private long roomWantedFromPs = Long.MIN_VALUE;
  private DepartureListener departureListener;

  /**
   * @param queueSlots packets the port accepts ahead of the wire; {@link Integer#MAX_VALUE} for a
   *     switch output whose limit is its buffer instead
   */
  public Port(
      RnicSimulator simulator,
      String name,
      long bitsPerSecond,
      long txLatencyPs,
      long rxLatencyPs,
      int queueSlots,
      StatisticsRegistry stats) {
    if (bitsPerSecond <= 0 || txLatencyPs < 0 || rxLatencyPs < 0 || queueSlots <= 0) {
      throw new IllegalArgumentException(name + ": bad port parameters");
    }
    this.simulator = simulator;
    this.name = name;
    this.bitsPerSecond = bitsPerSecond;
    this.txLatencyPs = txLatencyPs;
    this.rxLatencyPs = rxLatencyPs;
    this.queueSlots = queueSlots;
    this.trace = new WireTrace(simulator, name);
    this.counters = new PortCounters(name, stats);
  }

  public String name() {
    return name;
  }

  public long bitsPerSecond() {
    return bitsPerSecond;
  }

  long rxLatencyPs() {
    return rxLatencyPs;
  }

  long txLatencyPs() {
    return txLatencyPs;
  }

  /** One-way propagation delay of this port's cable, 0 if not cabled. */
  long cableDelayPs() {
    return egress == null ? 0 : egress.propagationDelayPs();
  }

  /**
   * Sends the partner a PFC XOFF ({@code pause}) or XON: it arrives after the frame being sent, its
   * own serialisation, both latencies and the cable, never before one sent earlier.
   */
  public void sendPfcFrame(boolean pause) {
    Port partner = peer();
    if (partner == null) {
      return;
    }
    long arrivalPs =
        frameBoundaryPs()
            + serialisationPs(SwitchConfig.PAUSE_FRAME_BYTES)
            + txLatencyPs
            + cableDelayPs()
            + partner.rxLatencyPs();
    lastPfcFrameArrivalPs = Math.max(lastPfcFrameArrivalPs, arrivalPs);
    simulator.scheduleAt(
        lastPfcFrameArrivalPs,
        RnicSimulator.PRIORITY_HIGH,
        pause ? partner::pause : partner::resume);
  }

  /**
   * Bytes that may still arrive at this port after it decided to pause its partner, for frames of
   * at most {@code maxFrameBytes} (the PFC headroom of {@link SwitchConfig#pfcHeadroomBytes}).
   */
  public long pfcHeadroomBytes(long maxFrameBytes) {
    long interfaceDelaysPs = 2 * (txLatencyPs + rxLatencyPs);
    return SwitchConfig.pfcHeadroomBytes(
        bitsPerSecond, cableDelayPs(), interfaceDelaysPs, maxFrameBytes);
  }

  /**
   * When the frame being serialised now ends, or now if none is: the earliest a MAC control frame
   * (a PFC pause) can start, since it does not preempt a frame but does not queue behind others.
   */
  long frameBoundaryPs() {
    retireDeparted();
    long now = simulator.nowPs();
    if (count == 0) {
      return now;
    }
    long departurePs = departuresPs[head];
    return departurePs - serialisationPs(wireBytesRing[head]) <= now ? departurePs : now;
  }

  void attachEgress(Link.Direction direction, Port linkPeer) {
    this.egress = direction;
    this.peer = linkPeer;
  }

  /** The port at the other end of this port's cable, or null if not cabled. */
  public Port peer() {
    return peer;
  }

  /** Wire bytes of the packets at the port or in the sender's pipeline, not yet serialised. */
  public long backlogBytes() {
    retireDeparted();
    return counters.queuedBytes();
  }

  /** ECN: a switch marked a packet it queued here Congestion Experienced. */
  public void countEcnMark() {
    counters.ecnMarks.increment();
  }

  /** This port's counters and egress queue since the statistics were last reset. */
  public PortStatistics statistics(long pfcPausesSent, long drops) {
    retireDeparted();
    return counters.snapshot(name, pfcPausesSent, drops);
  }

  void setDepartureListener(DepartureListener listener) {
    this.departureListener = listener;
  }

  /** Who receives the packets that arrive at this port. */
  public void setReceiver(PacketSink sink) {
    this.receiver = sink;
  }

  void deliver(Packet packet) {
    if (receiver != null) {
      receiver.receive(packet);
    }
  }

  /** The time the earliest packet still at the port leaves it, or now if it holds none. */
  public long nextDeparturePs() {
    retireDeparted();
    return count == 0 ? simulator.nowPs() : departuresPs[head];
  }

  /**
   * Whether a packet handed over now would find a free queue slot. Only packets that have reached
   * the port count: one handed over with a later ready time is still in the sender's pipeline.
   */
  public boolean hasRoom() {
    return !slotsFull() && pausedUntilPs <= simulator.nowPs();
  }

  /** Whether the ready packets at the port fill its queue slots. */
  private boolean slotsFull() {
    long now = simulator.nowPs();
    return roomFromPs(now) > now;
  }

  /**
   * Whether the port, unpaused now, will have no free slot at {@code atPs} (later than now) for the
   * packets it holds, counting those ready by then. Packets handed over meanwhile only fill it
   * more, and a pause meanwhile keeps it shut until a resume, which calls a {@link #whenRoomAfter}
   * listener.
   */
  public boolean fullPast(long atPs) {
    return pausedUntilPs <= simulator.nowPs() && roomFromPs(atPs) > atPs;
  }

  /** The first time from {@code fromPs} on that a slot is free for the packets held now. */
  private long roomFromPs(long fromPs) {
    retireDeparted();
    return QueueSlots.roomFromPs(departuresPs, readiesPs, head, count, queueSlots, fromPs);
  }

  /** Packets at the port (ready, not yet fully serialised). */
  public int queuedPackets() {
    retireDeparted();
    long now = simulator.nowPs();
    int queued = 0;
    int mask = readiesPs.length - 1;
    for (int i = 0; i < count; i++) {
      if (readiesPs[(head + i) & mask] <= now) {
        queued++;
      }
    }
    return queued;
  }

  /** The time the port finishes serialising everything it holds. */
  public long busyUntilPs() {
    return Math.max(busyUntilPs, simulator.nowPs());
  }

  /**
   * Takes a packet that is ready at {@code readyAtPs} (not before now) and returns when its last
   * bit leaves the port. Callers that respect {@link #hasRoom()} get the scheduler's behaviour;
   * control packets (ACKs, NAKs) may be pushed regardless, as real adapters send them with
   * priority.
   */
  public long transmit(long readyAtPs, Packet packet) {
    retireDeparted();
    long now = simulator.nowPs();
    if (pausedUntilPs == Long.MAX_VALUE || !pausedBacklog.isEmpty()) {
      // PFC pause without an end: the packet waits until resume() (ready times are not kept:
      // a paused port sends as soon as it may).
      pausedBacklog.addLast(packet);
      counters.queueChanged(now, packet.wireBytes());
      booked(packet, Long.MAX_VALUE);
      return Long.MAX_VALUE;
    }
    long readyPs = Math.max(Math.max(readyAtPs, now), pausedUntilPs);
    long startPs = Math.max(readyPs, busyUntilPs);
    long serialisationPs = serialisationPs(packet.wireBytes());
    long departurePs = startPs + serialisationPs;
    busyUntilPs = departurePs;
    push(readyPs, departurePs, packet);
    counters.queueChanged(now, packet.wireBytes());
    counters.booked(1, packet.wireBytes(), serialisationPs, readyPs, departurePs);
    booked(packet, departurePs);
    if (trace.isOn()) {
      trace.onWire(packet, startPs, departurePs);
    }
    if (egress == null) {
      throw new IllegalStateException(name + " is not connected to a link");
    }
    egress.carry(packet, departurePs + txLatencyPs);
    return departurePs;
  }

  /** Time to serialise {@code wireBytes} at this port's rate, rounded up. */
  public long serialisationPs(long wireBytes) {
    long numerator = Math.multiplyExact(wireBytes * 8, 1_000_000_000_000L);
    return numerator / bitsPerSecond + (numerator % bitsPerSecond == 0 ? 0 : 1);
  }

  /**
   * Calls {@code listener} once, at the first time a slot frees or a pause ends; replaces any
   * listener registered before.
   */
  public void whenRoom(Runnable listener) {
    whenRoomAfter(Long.MIN_VALUE, listener);
  }

  /**
   * As {@link #whenRoom}, for a sender that cannot hand a packet over before {@code fromPs}: the
   * first time from then on that a slot is free or a pause ends.
   */
  public void whenRoomAfter(long fromPs, Runnable listener) {
    this.roomListener = listener;
    this.roomWantedFromPs = fromPs;
    armRoomEvent();
  }

  /**
   * PFC XOFF received: the frame being serialised finishes; packets booked behind it leave the wire
   * again and wait, in order, for {@link #resume()}, with the packets handed over meanwhile.
   */
  public void pause() {
    counters.pfcPausesReceived.increment();
    pausedUntilPs = Long.MAX_VALUE;
    retireDeparted();
    long now = simulator.nowPs();
    while (count > 0) {
      int tail = (head + count - 1) % departuresPs.length;
      int wireBytes = wireBytesRing[tail];
      long serialisationPs = serialisationPs(wireBytes);
      long startPs = departuresPs[tail] - serialisationPs;
      if (startPs <= now) {
        break;
      }
      Packet packet = packetRing[tail];
      // Not started: its arrival at the far end is cancelled and its accounting undone, so the
      // counters describe what really went on the wire once it is sent again after resume(). A
      // packet a down link already lost is not in the event list and stays lost.
      boolean onCable = egress != null && egress.takeBack(packet);
      counters.booked(-1, wireBytes, serialisationPs, readiesPs[tail], departuresPs[tail]);
      packetRing[tail] = null;
      count--;
      // It had not started: traced when it is sent again, not now.
      trace.takenBack(packet);
      if (onCable) {
        pausedBacklog.addFirst(packet);
        booked(packet, Long.MAX_VALUE);
      } else {
        counters.queueChanged(now, -wireBytes);
      }
    }
    busyUntilPs = count == 0 ? now : departuresPs[(head + count - 1) % departuresPs.length];
    armRoomEvent();
  }

  /** PFC: lifts a pause now; packets that waited for it go in order. */
  public void resume() {
    pausedUntilPs = Math.min(pausedUntilPs, simulator.nowPs());
    retireDeparted();
    // Taken out first: transmit() parks a packet behind any still waiting, which would put the
    // second of several waiting packets back at the end forever.
    Packet[] waiting = pausedBacklog.toArray(new Packet[0]);
    pausedBacklog.clear();
    for (Packet packet : waiting) {
      counters.queueChanged(simulator.nowPs(), -packet.wireBytes());
      transmit(simulator.nowPs(), packet);
    }
    armRoomEvent();
  }

  public boolean isPaused() {
    return pausedUntilPs > simulator.nowPs();
  }

  private void armRoomEvent() {
    if (roomListener == null) {
      return;
    }
    retireDeparted();
    long now = simulator.nowPs();
    long wakePs = roomFromPs(Math.max(now, roomWantedFromPs));
    wakePs = Math.max(wakePs, pausedUntilPs);
    if (wakePs == Long.MAX_VALUE) {
      // Paused until resumed: resume() arms the event again, so none waits in the list meanwhile.
      if (roomEvent.isScheduled()) {
        simulator.cancel(roomEvent);
      }
      return;
    }
    if (roomEvent.isScheduled()) {
      if (roomEvent.timePs() == wakePs) {
        return;
      }
      simulator.cancel(roomEvent);
    }
    simulator.reschedule(roomEvent, wakePs, RnicSimulator.PRIORITY_NORMAL);
  }

  private void push(long readyPs, long departurePs, Packet packet) {
    if (count == departuresPs.length) {
      int length = departuresPs.length;
      long[] grownDepartures = new long[length * 2];
      long[] grownReadies = new long[length * 2];
      int[] grownBytes = new int[length * 2];
      Packet[] grownPackets = new Packet[length * 2];
      for (int i = 0; i < count; i++) {
        grownDepartures[i] = departuresPs[(head + i) % length];
        grownReadies[i] = readiesPs[(head + i) % length];
        grownBytes[i] = wireBytesRing[(head + i) % length];
        grownPackets[i] = packetRing[(head + i) % length];
      }
      departuresPs = grownDepartures;
      readiesPs = grownReadies;
      wireBytesRing = grownBytes;
      packetRing = grownPackets;
      head = 0;
    }
    int tail = (head + count) & (departuresPs.length - 1);
    departuresPs[tail] = departurePs;
    readiesPs[tail] = readyPs;
    wireBytesRing[tail] = packet.wireBytes();
    packetRing[tail] = packet;
    count++;
  }

  private void booked(Packet packet, long departurePs) {
    if (departureListener != null) {
      departureListener.departureBooked(packet, departurePs);
    }
  }

  private void retireDeparted() {
    long now = simulator.nowPs();
    while (count > 0 && departuresPs[head] <= now) {
      // Gone from the port: the packet is the cable's (and later the receiver's) event now.
      counters.queueChanged(departuresPs[head], -wireBytesRing[head]);
      packetRing[head] = null;
      head = (head + 1) & (departuresPs.length - 1);
      count--;
    }
  }

  private final class RoomEvent extends SimEvent {
    @Override
    protected void fire() {
      if (hasRoom()) {
        Runnable listener = roomListener;
        roomListener = null;
        if (listener != null) {
          listener.run();
        }
      } else {
        armRoomEvent();
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
