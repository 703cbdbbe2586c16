package org.rnicsim.model.adapter.transport;

import java.util.ArrayDeque;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;

/**
 * The adapter memory that holds payload between its DMA read and its packet leaving for the port. A
 * payload read reserves its bytes before it is issued and waits, in order, when the buffer is full;
 * sending the packet frees them. So under load the adapter fetches only as far ahead of the wire as
 * its buffer allows, instead of emptying every send queue into itself.
 *
 * <p>Each QP fetches its payload in order and waits here as a whole, so what a QP holds in the
 * buffer is always what it sends next: the buffer drains to the wire and never deadlocks.
 *
 * <p>Assumption: a packet sent again after a loss goes out without a new fetch.
 *
 * <p>Statistic: {@code <adapter>.txBuffer.usedBytes} (gauge).
 */
final class TransmitBuffer {
  private final long capacityBytes;
  private final TimeWeightedGauge usedBytes;
  private final ArrayDeque<Runnable> waiters = new ArrayDeque<>();
  private long freeBytes;
  private boolean draining;
  private boolean parkedAgain;

  TransmitBuffer(String adapterName, long capacityBytes, StatisticsRegistry stats) {
    this.capacityBytes = capacityBytes;
    this.freeBytes = capacityBytes;
    this.usedBytes = stats.gauge(adapterName + ".txBuffer.usedBytes");
  }

  /**
   * Reserves {@code bytes} if they are free and nobody waits before the caller; {@code served} says
   * the caller is the waiter being served now.
   */
  boolean tryReserve(long bytes, boolean served) {
    if (freeBytes < bytes || (!served && !waiters.isEmpty())) {
      return false;
    }
    freeBytes -= bytes;
    usedBytes.set(capacityBytes - freeBytes);
    return true;
  }

  /**
   * Runs {@code retry} when bytes free up, in the order the waits began. A waiter served while
   * space frees and still short goes to the back and ends this round of serving.
   */
  void await(Runnable retry) {
    waiters.addLast(retry);
    if (draining) {
      parkedAgain = true;
    }
  }

  void release(long bytes) {
    if (bytes <= 0) {
      return;
    }
    freeBytes += bytes;
    usedBytes.set(capacityBytes - freeBytes);
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!waiters.isEmpty()) {
        parkedAgain = false;
        waiters.pollFirst().run();
        if (parkedAgain) {
          return;
        }
      }
    } finally {
      draining = false;
    }
  }
}
