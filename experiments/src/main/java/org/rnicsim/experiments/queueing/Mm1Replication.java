package org.rnicsim.experiments.queueing;

import java.util.Locale;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.queue.SingleServerQueue;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.HistogramSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.experiments.study.RunPlan;

/** One replication of an M/M/1 or M/D/1 station at one load: a pure function of its arguments. */
final class Mm1Replication {
  static final String STATION = "station";

  /**
   * What one replication measured.
   *
   * @param meanWaitPs mean time in queue of customers that entered service after the warm-up
   * @param customersMeasured how many waits the mean is over
   * @param eventsExecuted events the simulator ran, warm-up included
   * @param simulatedPs simulated time covered, warm-up included
   */
  record Outcome(
      double meanWaitPs, long customersMeasured, long eventsExecuted, long simulatedPs) {}

  /** A customer carries nothing: the queue itself timestamps arrival and service start. */
  private record Customer(long number) {}

  private Mm1Replication() {}

  static Outcome run(
      RunPlan run, long meanServicePs, ServiceDistribution service, double load, int replication) {
    String id = String.format(Locale.ROOT, "mm1-rho%.6f-rep%d", load, replication);
    RnicSimulator sim = new RnicSimulator(id);
    // The streams depend on seed and replication only, not on the load: every load sees the same
    // random numbers (common random numbers), so the curve across loads is smooth and differences
    // between loads are not noise.
    RandomStreams streams = new RandomStreams(run.seed(), replication);
    SimRandom arrivals = streams.stream("mm1.arrivals");
    SimRandom services = streams.stream("mm1.services");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    SingleServerQueue<Customer> station =
        new SingleServerQueue<>(
            sim,
            STATION,
            0,
            customer -> service.drawPs(services, meanServicePs),
            customer -> {},
            stats);
    double meanInterArrivalPs = meanServicePs / load;
    new ArrivalProcess(sim, arrivals, meanInterArrivalPs, station).start();
    if (run.warmUpPs() > 0) {
      stats.resetAt(run.warmUpPs());
    }
    sim.runUntil(run.endPs());
    HistogramSummary waits = stats.summarize().histogram(STATION + ".waitPs");
    return new Outcome(waits.meanPs(), waits.count(), sim.eventsExecuted(), sim.nowPs());
  }

  /** Poisson arrivals: each arrival schedules the next after an exponential gap. */
  private static final class ArrivalProcess implements Runnable {
    private final RnicSimulator sim;
    private final SimRandom gaps;
    private final double meanGapPs;
    private final SingleServerQueue<Customer> station;
    private long arrived;

    ArrivalProcess(
        RnicSimulator sim, SimRandom gaps, double meanGapPs, SingleServerQueue<Customer> station) {
      this.sim = sim;
      this.gaps = gaps;
      this.meanGapPs = meanGapPs;
      this.station = station;
    }

    void start() {
      sim.schedule(gaps.exponentialPs(meanGapPs), this);
    }

    @Override
    public void run() {
      station.arrive(new Customer(arrived++));
      sim.schedule(gaps.exponentialPs(meanGapPs), this);
    }
  }
}
