package org.rnicsim.model.adapter.observe;

import org.rnicsim.engine.stats.StatisticsSummary;

/**
 * Figures derived from the model's counters. Link directions, ports, pipeline stages and DMA
 * engines are arithmetic servers with no events of their own, so they count the picoseconds they
 * were busy ({@code .busyPs}) and, for queues, the picoseconds packets spent in them ({@code
 * .queuedPacketPs}); divided by the observed time these give utilisation and, by Little's law, the
 * exact time-average occupancy.
 */
public final class DerivedStatistics {
  private DerivedStatistics() {}

  /** Busy fraction of a server from its {@code .busyPs} counter, e.g. {@code nic0.port.busyPs}. */
  public static double utilisation(StatisticsSummary summary, String busyPsCounter) {
    return perObservedPicosecond(summary, busyPsCounter);
  }

  /** Time-average number in a queue from its {@code .queuedPacketPs} counter. */
  public static double averageOccupancy(StatisticsSummary summary, String queuedPsCounter) {
    return perObservedPicosecond(summary, queuedPsCounter);
  }

  /** Hit rate of a cache, e.g. {@code nic0.qpContextCache}; NaN if it was never asked. */
  public static double hitRate(StatisticsSummary summary, String cacheName) {
    long hits = summary.counter(cacheName + ".hits").count();
    long misses = summary.counter(cacheName + ".misses").count();
    return hits + misses == 0 ? Double.NaN : hits / (double) (hits + misses);
  }

  private static double perObservedPicosecond(StatisticsSummary summary, String counter) {
    long observedPs = summary.toPs() - summary.fromPs();
    return observedPs <= 0 ? Double.NaN : summary.counter(counter).count() / (double) observedPs;
  }
}
