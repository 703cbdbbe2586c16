package org.rnicsim.model.fabric;

import java.util.ArrayDeque;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.trace.ModelTraceEvent.PacketSent;

/**
 * A {@link Port}'s {@code PacketSent} trace entries: each packet is traced when its first bit goes
 * on the wire, now or at its later start by an event that only traces (so the model's timing is the
 * same with the trace on or off), unless a PFC pause takes the packet back first.
 */
final class WireTrace {
  private final RnicSimulator simulator;
  private final String portName;
  private final Trace trace;

  /** Entries of packets booked to start later, in start order. */
  private final ArrayDeque<SentTrace> pending = new ArrayDeque<>(0);

  WireTrace(RnicSimulator simulator, String portName) {
    this.simulator = simulator;
    this.portName = portName;
    this.trace = simulator.trace();
  }

  boolean isOn() {
    return trace.isOn();
  }

  void onWire(Packet packet, long startPs, long departurePs) {
    if (startPs <= simulator.nowPs()) {
      trace.emit(new PacketSent(startPs, portName, packet.toString(), departurePs));
      return;
    }
    SentTrace entry = new SentTrace(packet, departurePs);
    pending.addLast(entry);
    simulator.reschedule(entry, startPs, RnicSimulator.PRIORITY_NORMAL);
  }

  /** A pause took {@code packet}, the last one booked, back before it started: not traced now. */
  void takenBack(Packet packet) {
    SentTrace entry = pending.peekLast();
    if (entry != null && entry.packet == packet) {
      pending.pollLast();
      simulator.cancel(entry);
    }
  }

  /** The trace entry of a packet that starts on the wire later than it was booked. */
  private final class SentTrace extends SimEvent {
    private final Packet packet;
    private final long departurePs;

    SentTrace(Packet packet, long departurePs) {
      this.packet = packet;
      this.departurePs = departurePs;
    }

    @Override
    protected void fire() {
      // Packets start in booking order, so this is the oldest entry still waiting.
      pending.pollFirst();
      trace.emit(new PacketSent(simulator.nowPs(), portName, packet.toString(), departurePs));
    }
  }
}
