package org.rnicsim.engine.queue;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.StatisticsSummary;

/** An M/M/1 station driven by Poisson arrivals, as the tests build it from engine primitives. */
final class MM1Run {
  private MM1Run() {}

  static StatisticsSummary run(
      long seed, int replication, double load, double meanServicePs, long warmupPs, long endPs) {
    RnicSimulator sim = new RnicSimulator("mm1-" + replication);
    RandomStreams streams = new RandomStreams(seed, replication);
    SimRandom arrivals = streams.stream("arrivals");
    SimRandom service = streams.stream("service");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    SingleServerQueue<Long> station =
        new SingleServerQueue<>(
            sim, "station", 0, job -> service.exponentialPs(meanServicePs), job -> {}, stats);
    double meanInterArrivalPs = meanServicePs / load;
    Runnable[] arrive = new Runnable[1];
    arrive[0] =
        () -> {
          station.arrive(sim.nowPs());
          sim.schedule(arrivals.exponentialPs(meanInterArrivalPs), arrive[0]);
        };
    sim.schedule(arrivals.exponentialPs(meanInterArrivalPs), arrive[0]);
    stats.resetAt(warmupPs);
    sim.runUntil(endPs);
    return stats.summarize();
  }
}
