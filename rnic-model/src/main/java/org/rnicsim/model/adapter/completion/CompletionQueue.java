package org.rnicsim.model.adapter.completion;

import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;

/**
 * A CQ ring in host memory. The adapter appends a CQE when it hands the CQE write to its DMA
 * engine, together with the time the write lands; the host sees it only from then on. CQE writes of
 * one CQ travel one FIFO (the device-to-host direction), so they land in the order written and one
 * reusable event per CQ is enough to tell the listener about each.
 *
 * <p>The ring's storage is allocated with the first CQE, so an idle CQ costs a few fields. A CQE
 * written while the ring is full is lost and counted as an overrun (the verbs CQ overrun error);
 * consumers size their CQs to avoid it.
 */
public final class CompletionQueue {
  private final RnicSimulator simulator;
  private final int cqn;
  private final int depth;
  private final LandingEvent landing = new LandingEvent();
  private CqeListener listener;
  private long[] wrIds;
  private long[] byteLengths;
  private long[] landedAtPs;
  private int[] qpns;
  private byte[] opcodes;
  private byte[] statuses;
  private long written;
  private long landed;
  private long polled;
  // The ring slots of written, landed and polled, kept alongside the counts: a 64-bit remainder
  // per CQE and cursor is a division the hot path need not pay.
  private int writeSlot;
  private int landSlot;
  private int pollSlot;
  private long overruns;
  private boolean destroyed;

  public CompletionQueue(RnicSimulator simulator, int cqn, int depth, CqeListener listener) {
    if (depth <= 0) {
      throw new IllegalArgumentException("CQ depth must be > 0: " + depth);
    }
    this.simulator = simulator;
    this.cqn = cqn;
    this.depth = depth;
    this.listener = listener;
  }

  public int cqn() {
    return cqn;
  }

  public int depth() {
    return depth;
  }

  /** Replaces the listener told about each landed CQE (null for none). */
  public void setListener(CqeListener newListener) {
    this.listener = newListener;
  }

  public CqeListener listener() {
    return listener;
  }

  /** CQEs that have landed and not been polled. */
  public int landedNotPolled() {
    return (int) (landed - polled);
  }

  /** CQEs written by the adapter so far (landed or still in flight). */
  public long writtenCount() {
    return written;
  }

  /** CQEs lost because the ring was full when they were written. */
  public long overruns() {
    return overruns;
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  /** Adapter side: the CQ was destroyed; later CQEs for it are dropped by the writer. */
  public void markDestroyed() {
    destroyed = true;
  }

  /**
   * Host side: reads up to {@code max} landed CQEs into {@code out} and returns how many. Costs no
   * simulated time here; the consumer charges its CPU for polling.
   */
  public int poll(int max, List<Completion> out) {
    int taken = 0;
    while (taken < max && polled < landed) {
      int slot = pollSlot;
      out.add(
          new Completion(
              wrIds[slot],
              qpns[slot],
              OPCODES[opcodes[slot]],
              STATUSES[statuses[slot]],
              byteLengths[slot],
              landedAtPs[slot]));
      polled++;
      pollSlot = nextSlot(pollSlot);
      taken++;
    }
    return taken;
  }

  /** Host side: as {@link #poll(int, List)}, into {@code out}'s arrays: no object per CQE. */
  public int poll(int max, CqeBatch out) {
    int taken = 0;
    while (taken < max && polled < landed) {
      int slot = pollSlot;
      out.add(
          wrIds[slot],
          qpns[slot],
          opcodes[slot],
          statuses[slot],
          byteLengths[slot],
          landedAtPs[slot]);
      polled++;
      pollSlot = nextSlot(pollSlot);
      taken++;
    }
    return taken;
  }

  /** Host side: consumes up to {@code max} landed CQEs without reading them; returns how many. */
  public int consume(int max) {
    int taken = (int) Math.min(max, landed - polled);
    polled += taken;
    pollSlot = (int) ((pollSlot + (long) taken) % depth);
    return taken;
  }

  /**
   * The status of the CQE that landed most recently, or null before the first: what an event queue
   * needs to know when it is told a CQE landed (an error CQE satisfies any arm).
   */
  public CompletionStatus newestLandedStatus() {
    return landed > 0 ? STATUSES[statuses[landSlot == 0 ? depth - 1 : landSlot - 1]] : null;
  }

  /** Host side: the status of the oldest landed, unpolled CQE, or null if there is none. */
  public CompletionStatus peekStatus() {
    return polled < landed ? STATUSES[statuses[pollSlot]] : null;
  }

  /**
   * Adapter side: a CQE whose write lands at {@code landsAtPs}. Returns false if the ring was full
   * (overrun).
   */
  public boolean append(
      long wrId,
      int qpn,
      WorkOpcode opcode,
      CompletionStatus status,
      long byteLength,
      long landsAtPs) {
    if (wrIds == null) {
      allocate();
    }
    if (written - polled >= depth) {
      overruns++;
      return false;
    }
    int slot = writeSlot;
    wrIds[slot] = wrId;
    qpns[slot] = qpn;
    opcodes[slot] = (byte) opcode.ordinal();
    statuses[slot] = (byte) status.ordinal();
    byteLengths[slot] = byteLength;
    landedAtPs[slot] = landsAtPs;
    written++;
    writeSlot = nextSlot(writeSlot);
    if (!landing.isScheduled()) {
      simulator.reschedule(landing, landsAtPs, RnicSimulator.PRIORITY_NORMAL);
    }
    return true;
  }

  static final WorkOpcode[] OPCODES = WorkOpcode.values();
  static final CompletionStatus[] STATUSES = CompletionStatus.values();

  private int nextSlot(int slot) {
    return slot + 1 == depth ? 0 : slot + 1;
  }

  private void allocate() {
    wrIds = new long[depth];
    byteLengths = new long[depth];
    landedAtPs = new long[depth];
    qpns = new int[depth];
    opcodes = new byte[depth];
    statuses = new byte[depth];
  }

  private void land() {
    long now = simulator.nowPs();
    while (landed < written && landedAtPs[landSlot] <= now) {
      landed++;
      landSlot = nextSlot(landSlot);
      if (listener != null) {
        listener.cqeLanded(this);
      }
    }
    if (landed < written && !landing.isScheduled()) {
      simulator.reschedule(landing, landedAtPs[landSlot], RnicSimulator.PRIORITY_NORMAL);
    }
  }

  private final class LandingEvent extends SimEvent {
    @Override
    protected void fire() {
      land();
    }
  }
}
