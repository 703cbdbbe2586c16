package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.host.CpuCore;

/**
 * One job of an open-loop study: every client issues requests at Poisson arrival times, whatever
 * the state of earlier ones, for the run's warm-up and measured time. A request's latency runs from
 * its arrival (it may wait in the client's backlog for the window) to the poll that sees its
 * completion; throughput counts the completions of the measured time. The requests in the system,
 * summed over clients, are sampled at evenly spaced times: under overload they grow without bound.
 */
public final class OpenLoopRun {
  /** Samples of the requests in flight over the measured window (open loop). */
  public static final int IN_FLIGHT_SAMPLES = 20;

  /** A client's backlog beyond this holds no information any more, only memory; drop instead. */
  static final int MAX_BACKLOG = 1 << 20;

  private OpenLoopRun() {}

  /**
   * @param perClientPerSecond each client's arrival rate
   */
  public static RunOutcome run(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      long perClientPerSecond,
      int window,
      RunPlan run,
      int replication) {
    RdmaOperation operation = transfers.operation(caseIndex);
    long bytes = transfers.sizeBytes(caseIndex);
    String id =
        String.format(Locale.ROOT, "open-%s-%dB-rep%d", operation.label(), bytes, replication);
    Machines machines = new Machines(testbed, run.seed(), replication, id);
    RnicSimulator simulator = machines.simulator();
    QpMesh mesh =
        QpMesh.connect(machines, transfers.qps(), transfers.qpDepth(), transfers.cqDepth());
    long pollPs = machines.hardware().host().cqPollDetectPs();
    CompletionWatch clientWatch = new CompletionWatch(testbed.completion(), pollPs);
    ServerSide.prepare(machines, mesh, testbed, operation, bytes);

    long startPs = simulator.nowPs() + LatencyLoop.SETTLE_PS;
    long measureFromPs = startPs + run.warmUpPs();
    long endPs = measureFromPs + run.durationPs();
    Counting counting = new Counting(simulator, measureFromPs);
    boolean inline = transfers.inline(caseIndex, machines.hardware());
    double meanGapPs = (double) SimTime.PS_PER_S / perClientPerSecond;
    List<RequestIssuer> issuers = new ArrayList<>();
    for (int c = 0; c < mesh.clientCount(); c++) {
      QpMesh.Side client = mesh.client(c);
      CpuCore core = client.node().host().core(0);
      CompletionWatch.drain(client.receiveCq());
      CqDispatch sends = new CqDispatch(clientWatch, client.node(), client.sendCq(), core);
      RequestIssuer issuer =
          new RequestIssuer(
              machines, client, mesh.pairs(c), core, operation, bytes, inline, window, counting);
      issuer.qps().forEach(qp -> sends.route(qp.qpn(), issuer::completed));
      issuers.add(issuer);
      SimRandom gaps = machines.streams().stream(client.rnic().name() + ".arrivals");
      new Arrivals(simulator, gaps, meanGapPs, issuer, counting, endPs).startAt(startPs);
    }
    List<String> clientNames = machines.clients().stream().map(node -> node.rnic().name()).toList();
    List<Double> inFlight = new ArrayList<>();
    List<Double> outstandingWqes = new ArrayList<>();
    measureFrom(
        simulator,
        machines.stats(),
        clientNames,
        measureFromPs,
        run.durationPs(),
        () -> issuers.stream().mapToInt(RequestIssuer::inSystem).sum(),
        inFlight,
        outstandingWqes);
    simulator.runUntil(endPs);
    List<String> adapters = new ArrayList<>(clientNames);
    adapters.add(machines.server().rnic().name());
    return new RunOutcome(
        counting.samples,
        counting.completed,
        run.durationPs(),
        bytes,
        StageMeans.of(machines.stats(), clientNames, operation.opcode()),
        clientWatch.interrupts(),
        clientWatch.interruptedCqes(),
        inFlight,
        outstandingWqes,
        counting.dropped,
        machines.switchDrops(),
        simulator.eventsExecuted(),
        AdapterQueues.measure(machines.stats(), adapters));
  }

  /**
   * Restarts every statistic at {@code measureFromPs} and samples, at evenly spaced times of the
   * measured span, the requests in the system ({@code inSystem}) into {@code inFlight} and the
   * clients' outstanding send WQEs, summed, into {@code outstandingWqes}.
   */
  static void measureFrom(
      RnicSimulator simulator,
      StatisticsRegistry stats,
      List<String> clientNames,
      long measureFromPs,
      long durationPs,
      IntSupplier inSystem,
      List<Double> inFlight,
      List<Double> outstandingWqes) {
    stats.resetAt(measureFromPs);
    List<TimeWeightedGauge> wqeGauges = new ArrayList<>();
    for (String client : clientNames) {
      wqeGauges.add(stats.gauge(client + ".sendQueues.outstandingWqes"));
    }
    int samples = IN_FLIGHT_SAMPLES;
    for (int i = 0; i < samples; i++) {
      // Mid-interval, so no sample sits on the boundary with the warm-up or the end.
      long atPs = measureFromPs + (2L * i + 1) * durationPs / (2L * samples);
      simulator.scheduleAt(
          atPs,
          () -> {
            inFlight.add((double) inSystem.getAsInt());
            outstandingWqes.add(wqeGauges.stream().mapToDouble(TimeWeightedGauge::value).sum());
          });
    }
  }

  /** What the measured time saw: latencies and completions from its start on, dropped arrivals. */
  static final class Counting implements RequestIssuer.Listener {
    private final RnicSimulator simulator;
    private final long fromPs;
    final LatencySamples samples = new LatencySamples();
    long completed;
    long dropped;

    Counting(RnicSimulator simulator, long fromPs) {
      this.simulator = simulator;
      this.fromPs = fromPs;
    }

    boolean measuring() {
      return simulator.nowPs() >= fromPs;
    }

    @Override
    public void completed(long latencyPs) {
      if (measuring()) {
        samples.recordPs(latencyPs);
        completed++;
      }
    }
  }

  /** Poisson arrivals of one client: each schedules the next after an exponential gap. */
  static final class Arrivals implements Runnable {
    private final RnicSimulator simulator;
    private final SimRandom gaps;
    private final double meanGapPs;
    private final ClientRequests issuer;
    private final Counting counting;
    private final long endPs;

    Arrivals(
        RnicSimulator simulator,
        SimRandom gaps,
        double meanGapPs,
        ClientRequests issuer,
        Counting counting,
        long endPs) {
      this.simulator = simulator;
      this.gaps = gaps;
      this.meanGapPs = meanGapPs;
      this.issuer = issuer;
      this.counting = counting;
      this.endPs = endPs;
    }

    void startAt(long timePs) {
      simulator.scheduleAt(timePs + gaps.exponentialPs(meanGapPs), this);
    }

    @Override
    public void run() {
      if (issuer.backlog() >= MAX_BACKLOG) {
        if (counting.measuring()) {
          counting.dropped++;
        }
      } else {
        issuer.arrive();
      }
      long nextPs = simulator.nowPs() + gaps.exponentialPs(meanGapPs);
      if (nextPs <= endPs) {
        simulator.scheduleAt(nextPs, this);
      }
    }
  }
}
