package org.rnicsim.model.fabric;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.Counter;

/**
 * PFC ingress accounting of one switch port: the bytes that came in through it and have not left
 * the switch yet, known from their departure times; checked again at each departure while paused.
 *
 * <p>Held packets are kept per output port in arrival order. An output books departures in the
 * order packets reach it, a pause takes back only the latest bookings and a resume books them again
 * in order, so along each of these queues departure times never decrease (unbooked ones, at {@code
 * Long.MAX_VALUE}, come last): what has left is always a prefix, and the earliest departure is
 * always at a head. No head leaves before {@code releaseFromPs}, a bound kept low by every booking,
 * so the arrivals between departures need not look at the heads.
 *
 * <p>Each queue is a ring of (departure, wire bytes) pairs in one {@code long[]}, entries numbered
 * from its head on: releasing reads consecutive longs instead of one object per held packet, and a
 * packet finds its entry again from the number it carries (a field of the packet).
 */
final class IngressAccount extends SimEvent {
  private static final int INITIAL_ENTRIES = 16;

  private final RnicSimulator simulator;
  // The switch's ports by index; this account's own is ports[port].
  private final Port[] ports;
  private final int port;
  private final Counter pauses;
  private final long xoffBytes;
  private final long xonBytes;
  // By output port: the ring (departure at 2 * i, bytes at 2 * i + 1; null until first used), the
  // number of its head entry and the number the next entry gets.
  private final long[][] rings;
  private final int[] heads;
  private final int[] tails;
  // The outputs whose queue above holds packets, in no particular order: a scan visits only
  // these, not every port of the switch.
  private final int[] activeOutputs;
  private int activeCount;
  private int heldCount;
  private long heldBytes;
  private boolean pausing;
  private long releaseFromPs = Long.MAX_VALUE;

  IngressAccount(
      RnicSimulator simulator,
      Port[] ports,
      int port,
      SwitchPortConfig portConfig,
      Counter pauses) {
    this.simulator = simulator;
    this.ports = ports;
    this.port = port;
    this.pauses = pauses;
    this.xoffBytes = portConfig.pfcXoffBytes();
    this.xonBytes = portConfig.pfcXonBytes();
    this.rings = new long[ports.length][];
    this.heads = new int[ports.length];
    this.tails = new int[ports.length];
    this.activeOutputs = new int[ports.length];
  }

  /**
   * {@code packet}, handed to output {@code outPort} with its departure booked, now counts here.
   */
  void hold(Packet packet, int outPort, long departurePs) {
    int wireBytes = packet.wireBytes();
    int seq = tails[outPort];
    if (seq == heads[outPort]) {
      activeOutputs[activeCount++] = outPort;
    }
    long[] ring = ringWithRoom(outPort);
    int index = (seq << 1) & (ring.length - 1);
    ring[index] = departurePs;
    ring[index + 1] = wireBytes;
    tails[outPort] = seq + 1;
    packet.heldIngress = port;
    packet.heldSeq = seq;
    heldCount++;
    heldBytes += wireBytes;
    booked(departurePs);
    // heldBytes only overstates until release() subtracts what has left, so while it stays at
    // or below XOFF the check below needs no release: the scan runs once per XOFF's worth of
    // bytes instead of once per packet. While pausing, every check and wake-up below reads the
    // heads, so they stay exact.
    if (pausing || heldBytes > xoffBytes) {
      release();
    }
    if (!pausing && heldBytes > xoffBytes) {
      pausing = true;
      pauses.increment();
      ports[port].sendPfcFrame(true);
      checkLater();
    }
  }

  /**
   * Output {@code outPort} booked the departure of held entry {@code seq} again (a pause took it
   * back, a resume set it).
   */
  void rebooked(int outPort, int seq, long departurePs) {
    // One that has left (numbered before the head) keeps no entry.
    if (seq - heads[outPort] >= 0) {
      long[] ring = rings[outPort];
      ring[(seq << 1) & (ring.length - 1)] = departurePs;
    }
    booked(departurePs);
    if (pausing) {
      checkLater();
    }
  }

  private long[] ringWithRoom(int outPort) {
    long[] ring = rings[outPort];
    if (ring == null) {
      ring = new long[2 * INITIAL_ENTRIES];
      rings[outPort] = ring;
    } else if (tails[outPort] - heads[outPort] == ring.length >> 1) {
      // Entries keep their numbers: each moves to where its number falls in the larger ring.
      long[] grown = new long[ring.length * 2];
      for (int seq = heads[outPort]; seq != tails[outPort]; seq++) {
        int from = (seq << 1) & (ring.length - 1);
        int to = (seq << 1) & (grown.length - 1);
        grown[to] = ring[from];
        grown[to + 1] = ring[from + 1];
      }
      ring = grown;
      rings[outPort] = ring;
    }
    return ring;
  }

  /** A held packet's departure is now booked at {@code departurePs}. */
  private void booked(long departurePs) {
    releaseFromPs = Math.min(releaseFromPs, departurePs);
  }

  /** The departure of the head entry of output {@code outPort}'s queue, which holds one. */
  private long headDeparturePs(int outPort) {
    long[] ring = rings[outPort];
    return ring[(heads[outPort] << 1) & (ring.length - 1)];
  }

  private void release() {
    long now = simulator.nowPs();
    if (heldCount == 0 || now < releaseFromPs) {
      return;
    }
    long nextPs = Long.MAX_VALUE;
    for (int i = 0; i < activeCount; ) {
      int outPort = activeOutputs[i];
      long[] ring = rings[outPort];
      int mask = ring.length - 1;
      int seq = heads[outPort];
      int tail = tails[outPort];
      long departurePs = Long.MAX_VALUE;
      // The packet's heldIngress and heldSeq may keep pointing here: it has left, so no output of
      // this switch books
      // it again (the next switch replaces the pointer), and not touching the packet spares a cache
      // miss per packet.
      while (seq != tail && (departurePs = ring[(seq << 1) & mask]) <= now) {
        heldCount--;
        heldBytes -= ring[((seq << 1) & mask) + 1];
        seq++;
      }
      heads[outPort] = seq;
      if (seq == tail) {
        activeOutputs[i] = activeOutputs[--activeCount];
      } else {
        nextPs = Math.min(nextPs, departurePs);
        i++;
      }
    }
    releaseFromPs = nextPs;
  }

  /**
   * Checks again at the earliest booked departure; a packet whose output is paused has none yet,
   * and its booking calls this again.
   */
  private void checkLater() {
    // releaseFromPs bounds every head's departure from below, so when the check already waits at
    // or before it, the scan below would find nothing earlier: the common case while pausing.
    if (heldCount > 0 && isScheduled() && timePs() <= Math.max(releaseFromPs, simulator.nowPs())) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (int i = 0; i < activeCount; i++) {
      next = Math.min(next, headDeparturePs(activeOutputs[i]));
    }
    if (heldCount == 0) {
      next = simulator.nowPs();
    }
    if (next == Long.MAX_VALUE) {
      return;
    }
    simulator.scheduleNoLaterThan(
        this, Math.max(next, simulator.nowPs()), RnicSimulator.PRIORITY_NORMAL);
  }

  @Override
  protected void fire() {
    release();
    if (pausing && heldBytes < xonBytes) {
      pausing = false;
      ports[port].sendPfcFrame(false);
      return;
    }
    if (pausing) {
      checkLater();
    }
  }

  @Override
  public String toString() {
    return "PFC ingress account of " + ports[port].name() + ": " + heldBytes + " B held";
  }
}
