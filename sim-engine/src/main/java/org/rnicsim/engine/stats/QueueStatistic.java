package org.rnicsim.engine.stats;

import org.rnicsim.engine.RnicSimulator;

/**
 * A queue's time-averaged occupancy, throughput and mean sojourn over simulated time, so Little's
 * law (L = lambda x W) can be checked on it.
 *
 * <p>An item is recorded once, with the simulated times it entered and left. Arithmetic servers
 * (pipeline stages, DMA engines, the CQE writer) know both when the item enters, the departure
 * lying in the future; event-driven queues (the send scheduler's ring, an event queue) record an
 * item when it leaves. Each item adds the part of its stay inside the observation window to the
 * occupancy integral; items still inside at the end of the window are taken back out when the
 * window is summarised, so an item counts towards throughput and mean sojourn only once it left,
 * while the occupancy covers exactly the window. Only items whose departure lies in the future are
 * remembered (a few, for a queue that is not overloaded), so recording is a handful of additions.
 */
public final class QueueStatistic extends Observation {
  private final String name;
  private final RnicSimulator simulator;
  private long sincePs;
  // Picosecond sums as longs: a long run of a deep queue stays far below 2^63, and on the hot path
  // integer additions are cheaper than conversions to double.
  private long areaPs;
  private long departures;
  private long sojournSumPs;
  // Items still inside, as pairs (arrival, departure) side by side: recording one touches one
  // cache line, not one in each of two arrays.
  private long[] pendingPs = new long[32];
  private int pending;

  QueueStatistic(String name, RnicSimulator simulator) {
    this.name = name;
    this.simulator = simulator;
    this.sincePs = simulator.nowPs();
  }

  public String name() {
    return name;
  }

  /**
   * An item that entered (or enters) at {@code arrivalPs} and leaves (or left) at {@code
   * departurePs}. Until it is recorded the statistic does not see it, so record it no later than it
   * leaves: an arithmetic server when the item enters, an event-driven queue when it leaves.
   */
  public void record(long arrivalPs, long departurePs) {
    if (departurePs < arrivalPs) {
      throw new IllegalArgumentException(name + ": leaves before it enters");
    }
    if (dormant) {
      return;
    }
    areaPs += departurePs - Math.max(arrivalPs, sincePs);
    departures++;
    sojournSumPs += departurePs - arrivalPs;
    if (departurePs > simulator.nowPs()) {
      remember(arrivalPs, departurePs);
    }
  }

  /** Starts a new observation window now (end of warm-up), with the items still inside. */
  void reset() {
    long now = simulator.nowPs();
    forgetDeparted(now);
    sincePs = now;
    areaPs = 0;
    departures = 0;
    sojournSumPs = 0;
    for (int i = 0; i < 2 * pending; i += 2) {
      areaPs += pendingPs[i + 1] - Math.max(pendingPs[i], now);
      departures++;
      sojournSumPs += pendingPs[i + 1] - pendingPs[i];
    }
  }

  public QueueSummary summarize() {
    requireObserved();
    long now = simulator.nowPs();
    long area = areaPs;
    long left = departures;
    long sojourn = sojournSumPs;
    for (int i = 0; i < 2 * pending; i += 2) {
      long departurePs = pendingPs[i + 1];
      if (departurePs > now) {
        // Not gone yet: only its stay up to now is in the window.
        area -= departurePs - Math.max(Math.max(pendingPs[i], sincePs), now);
        left--;
        sojourn -= departurePs - pendingPs[i];
      }
    }
    long observedPs = now - sincePs;
    double occupancy = observedPs > 0 ? area / (double) observedPs : Double.NaN;
    double meanSojournPs = left > 0 ? sojourn / (double) left : Double.NaN;
    return new QueueSummary(name, occupancy, left, meanSojournPs, observedPs);
  }

  private void remember(long arrivalPs, long departurePs) {
    if (2 * pending == pendingPs.length) {
      forgetDeparted(simulator.nowPs());
      if (4 * pending > pendingPs.length) {
        pendingPs = java.util.Arrays.copyOf(pendingPs, 4 * pending);
      }
    }
    pendingPs[2 * pending] = arrivalPs;
    pendingPs[2 * pending + 1] = departurePs;
    pending++;
  }

  /** Drops the items that have left by {@code nowPs}; they need no correction any more. */
  private void forgetDeparted(long nowPs) {
    int kept = 0;
    for (int i = 0; i < 2 * pending; i += 2) {
      if (pendingPs[i + 1] > nowPs) {
        pendingPs[kept] = pendingPs[i];
        pendingPs[kept + 1] = pendingPs[i + 1];
        kept += 2;
      }
    }
    pending = kept / 2;
  }
}
