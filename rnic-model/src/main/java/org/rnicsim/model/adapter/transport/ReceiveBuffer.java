package org.rnicsim.model.adapter.transport;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.fabric.Port;

/**
 * The adapter's receive buffer: the payload of an incoming packet is held here from its arrival
 * until the posted writes that place it have left the adapter for PCIe. Posted writes never
 * complete, so leaving the adapter in order is as far as the adapter can know: the responder
 * acknowledges a message then ("committed in order"), not at its arrival and not at its landing in
 * memory, which no posted write reports. An RDMA READ that follows is ordered behind those writes
 * on PCIe, which is why a READ after WRITEs flushes them (the remote-persistence convention).
 *
 * <p>Packets a QP holds back (waiting for a cache fill or a receive WQE) stay in the buffer too,
 * from arrival until they are placed.
 *
 * <p>Placement is cut-through: a packet's write TLPs leave while its payload is still coming in off
 * the wire (PCIe is faster than the port on every profile), so only the last TLP waits for the last
 * byte.
 *
 * <p>When PCIe cannot keep up, the writes queue on the link, the buffer fills and, above XOFF, the
 * adapter pauses its link partner (PFC; InfiniBand's credits do the same), until the buffer drains
 * below XON. XOFF leaves room for the bytes still on their way when the pause is decided (the PFC
 * headroom of the port). A packet that finds no room at all is dropped; RC recovers it.
 *
 * <p>Assumption: the buffer is as large as the transmit buffer ({@code adapter.txBuffer}); mlx5
 * port buffers of this class are of that order (a few hundred KiB per port).
 *
 * <p>Statistics under {@code <adapter>.rxBuffer}: {@code .usedBytes} (gauge), {@code .pauses},
 * {@code .drops}, and the queue {@code <adapter>.rxBuffer}: a packet is in it from when its
 * placement starts until its last write TLP has left (a packet a QP held back enters it when it is
 * placed; {@code <adapter>.rx.backloggedPackets} counts it while it is held).
 */
final class ReceiveBuffer extends SimEvent {
  private final RnicSimulator simulator;
  private final DmaEngines dma;
  private final Port port;
  private final long capacityBytes;
  private final long maxFrameBytes;
  private long xoffBytes = -1;
  private long xonBytes;
  private final TimeWeightedGauge usedBytes;
  private final Counter pauses;
  private final Counter drops;
  private final QueueStatistic queue;
  // The packets held, oldest first: a ring of pairs (leave time, bytes) side by side, so holding or
  // releasing one touches one cache line. Its length is a power of two (64 pairs, doubled when
  // full), indexed by masking; entry i is at 2 * i.
  private long[] held = new long[128];
  private int head;
  private int count;
  private long heldBytes;
  private long backloggedBytes;
  private boolean pausing;

  ReceiveBuffer(
      RnicSimulator simulator,
      String adapterName,
      DmaEngines dma,
      Port port,
      long capacityBytes,
      long maxFrameBytes,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.dma = dma;
    this.port = port;
    this.capacityBytes = capacityBytes;
    this.maxFrameBytes = maxFrameBytes;
    this.usedBytes = stats.gauge(adapterName + ".rxBuffer.usedBytes");
    this.pauses = stats.counter(adapterName + ".rxBuffer.pauses");
    this.drops = stats.counter(adapterName + ".rxBuffer.drops");
    this.queue = stats.queue(adapterName + ".rxBuffer");
  }

  /** A buffer for {@code ctx}'s adapter, sized as its transmit buffer (assumption, see above). */
  static ReceiveBuffer of(TransportContext ctx, StatisticsRegistry stats) {
    long maxFrameBytes =
        ctx.mtuBytes + ctx.packetHeaderBytes + PacketOpcode.MAX_EXTENDED_HEADER_BYTES;
    return new ReceiveBuffer(
        ctx.simulator,
        ctx.adapterName,
        ctx.dma,
        ctx.port,
        ctx.profile.txBufferBytes(),
        maxFrameBytes,
        stats);
  }

  /** Whether a packet with {@code payloadBytes} fits now; counts a drop when it does not. */
  boolean admits(long payloadBytes) {
    release();
    if (heldBytes + backloggedBytes + payloadBytes <= capacityBytes) {
      return true;
    }
    drops.increment();
    return false;
  }

  /**
   * Places {@code payloadBytes} that arrived now, their writes ready at {@code readyAtPs}, and
   * returns the time the last write TLP has left the adapter (the commit point).
   */
  long place(long readyAtPs, long payloadBytes) {
    if (payloadBytes <= 0) {
      return readyAtPs;
    }
    long streamLeadPs = port.serialisationPs(payloadBytes);
    long committedPs = dma.streamedWrite(readyAtPs, payloadBytes, streamLeadPs);
    hold(committedPs, payloadBytes);
    queue.record(simulator.nowPs(), committedPs);
    return committedPs;
  }

  /** Payload of packets a QP holds back changed by {@code deltaBytes} (negative: taken on). */
  void backlogged(long deltaBytes) {
    if (deltaBytes == 0) {
      return;
    }
    backloggedBytes += deltaBytes;
    usedBytes.set(heldBytes + backloggedBytes);
    if (deltaBytes > 0) {
      checkXoff();
    } else if (pausing) {
      checkAt(drainedBelowXonPs());
    }
  }

  private void hold(long untilPs, long payloadBytes) {
    release();
    if (2 * count == held.length) {
      grow();
    }
    int tail = 2 * ((head + count) & (held.length / 2 - 1));
    held[tail] = untilPs;
    held[tail + 1] = payloadBytes;
    count++;
    heldBytes += payloadBytes;
    usedBytes.set(heldBytes + backloggedBytes);
    checkXoff();
    if (pausing) {
      checkAt(drainedBelowXonPs());
    }
  }

  private void checkXoff() {
    if (xoffBytes < 0) {
      // Known once the port is cabled: the headroom covers the cable's round trip.
      xoffBytes = Math.max(maxFrameBytes, capacityBytes - port.pfcHeadroomBytes(maxFrameBytes));
      xonBytes = Math.max(xoffBytes / 2, xoffBytes - 2 * maxFrameBytes);
    }
    if (!pausing && heldBytes + backloggedBytes > xoffBytes) {
      pausing = true;
      pauses.increment();
      port.sendPfcFrame(true);
      checkAt(drainedBelowXonPs());
    }
  }

  /** Frees what has left; writes leave in order, so the oldest entries go first. */
  private void release() {
    long now = simulator.nowPs();
    boolean changed = false;
    while (count > 0 && held[2 * head] <= now) {
      heldBytes -= held[2 * head + 1];
      head = (head + 1) & (held.length / 2 - 1);
      count--;
      changed = true;
    }
    if (changed) {
      usedBytes.set(heldBytes + backloggedBytes);
    }
  }

  /** When what is held now will have drained below XON (the writes' leave times are known). */
  private long drainedBelowXonPs() {
    long remaining = heldBytes + backloggedBytes;
    if (remaining < xonBytes) {
      return simulator.nowPs();
    }
    for (int i = 0; i < count; i++) {
      int index = 2 * ((head + i) & (held.length / 2 - 1));
      remaining -= held[index + 1];
      if (remaining < xonBytes) {
        return held[index];
      }
    }
    // Held back by QPs waiting: known only when they are placed; look again then, or once what is
    // placed has left.
    return count == 0 ? -1 : held[2 * ((head + count - 1) & (held.length / 2 - 1))];
  }

  private void checkAt(long timePs) {
    if (timePs >= 0 && !isScheduled()) {
      simulator.reschedule(
          this, Math.max(timePs, simulator.nowPs()), RnicSimulator.PRIORITY_NORMAL);
    }
  }

  @Override
  protected void fire() {
    release();
    if (!pausing) {
      return;
    }
    if (heldBytes + backloggedBytes < xonBytes) {
      pausing = false;
      port.sendPfcFrame(false);
    } else {
      checkAt(drainedBelowXonPs());
    }
  }

  private void grow() {
    long[] grown = new long[held.length * 2];
    int mask = held.length / 2 - 1;
    for (int i = 0; i < count; i++) {
      int index = 2 * ((head + i) & mask);
      grown[2 * i] = held[index];
      grown[2 * i + 1] = held[index + 1];
    }
    held = grown;
    head = 0;
  }
}
