package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;

/**
 * The bandwidth and open loops with {@code api: ndk}: the loops of {@link BandwidthRun} and {@link
 * OpenLoopRun} (their closed loop, Poisson arrivals and counting), with the client's requests
 * posted by the NDK consumer of an {@link NdkConsumerPair} instead of straight to the adapter, and
 * the server consumer keeping its receive queue full for SEND. One client, one QP, back to back.
 */
public final class NdkWindowRun {
  private NdkWindowRun() {}

  /** One bandwidth job: {@code window} requests in flight until the iterations are done. */
  public static NdkOutcome bandwidth(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      int window,
      int warmUp,
      int iterations,
      long seed,
      int replication) {
    NdkRequests[] requests = new NdkRequests[1];
    NdkConsumerPair pair =
        open("ndk-bw", testbed, transfers, caseIndex, seed, replication, requests);
    RnicSimulator simulator = pair.simulator();
    LatencySamples samples = new LatencySamples();
    MeasurementWindow measurement = new MeasurementWindow(simulator, pair.stats(), 1);
    long[] measured = new long[1];
    BandwidthRun.ClosedLoop loop =
        new BandwidthRun.ClosedLoop(
            window, warmUp, warmUp + iterations, samples, measurement, measured);
    requests[0] = new NdkRequests(pair, window, loop);
    loop.attach(requests[0]);
    pair.countNotificationsWhile(() -> measurement.startPs() >= 0 && !measurement.isOver());
    simulator.schedule(LatencyLoop.SETTLE_PS, loop::start);
    measurement.run("the NDK " + pair.operation().label() + " bandwidth loop");
    return pair.outcome(samples, measured[0], measurement.measuredPs(), List.of(), List.of(), 0);
  }

  /** One open-loop job: Poisson arrivals at {@code perSecond} for the run's warm-up and span. */
  public static NdkOutcome openLoop(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      long perSecond,
      int window,
      RunPlan run,
      int replication) {
    NdkRequests[] requests = new NdkRequests[1];
    NdkConsumerPair pair =
        open("ndk-open", testbed, transfers, caseIndex, run.seed(), replication, requests);
    RnicSimulator simulator = pair.simulator();
    long startPs = simulator.nowPs() + LatencyLoop.SETTLE_PS;
    long measureFromPs = startPs + run.warmUpPs();
    long endPs = measureFromPs + run.durationPs();
    OpenLoopRun.Counting counting = new OpenLoopRun.Counting(simulator, measureFromPs);
    requests[0] = new NdkRequests(pair, window, counting);
    pair.countNotificationsWhile(counting::measuring);
    new OpenLoopRun.Arrivals(
            simulator,
            new RandomStreams(run.seed(), replication).stream("client1.arrivals"),
            (double) SimTime.PS_PER_S / perSecond,
            requests[0],
            counting,
            endPs)
        .startAt(startPs);
    List<Double> inFlight = new ArrayList<>();
    List<Double> outstandingWqes = new ArrayList<>();
    OpenLoopRun.measureFrom(
        simulator,
        pair.stats(),
        List.of("client1"),
        measureFromPs,
        run.durationPs(),
        requests[0]::inSystem,
        inFlight,
        outstandingWqes);
    simulator.runUntil(endPs);
    return pair.outcome(
        counting.samples,
        counting.completed,
        run.durationPs(),
        inFlight,
        outstandingWqes,
        counting.dropped);
  }

  /**
   * The pair, handing its completions to {@code requests[0]} (set once the loop has made it), its
   * consumers threads on cores, and for SEND a full receive queue at the server.
   */
  private static NdkConsumerPair open(
      String name,
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      long seed,
      int replication,
      NdkRequests[] requests) {
    NdkConsumerPair pair =
        NdkConsumerPair.open(
            name,
            testbed,
            transfers,
            caseIndex,
            seed,
            replication,
            (side, result) -> requests[0].completed(side, result));
    pair.pollOnCores();
    if (pair.operation() == RdmaOperation.SEND) {
      pair.fillReceives(NdkConsumerPair.SERVER, transfers.qpDepth());
    }
    return pair;
  }
}
