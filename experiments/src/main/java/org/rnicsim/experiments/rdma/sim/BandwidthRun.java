package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.host.CpuCore;

/**
 * One job of a bandwidth study, as ib_write_bw (ib_send_bw, ib_read_bw) runs it: every client keeps
 * {@code window} requests in flight over its QPs until it has completed its warm-up and measured
 * iterations. Bandwidth and message rate count the completions between the moment the last client
 * finished warming up and the moment the last client finished.
 */
public final class BandwidthRun {
  private BandwidthRun() {}

  public static RunOutcome run(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      int window,
      QpChoice qpChoice,
      int warmUp,
      int iterations,
      long seed,
      int replication) {
    RdmaOperation operation = transfers.operation(caseIndex);
    long bytes = transfers.sizeBytes(caseIndex);
    String id =
        String.format(Locale.ROOT, "bw-%s-%dB-rep%d", operation.label(), bytes, replication);
    Machines machines = new Machines(testbed, seed, replication, id);
    QpMesh mesh =
        QpMesh.connect(machines, transfers.qps(), transfers.qpDepth(), transfers.cqDepth());
    long pollPs = machines.hardware().host().cqPollDetectPs();
    CompletionWatch clientWatch = new CompletionWatch(testbed.completion(), pollPs);
    ServerSide.prepare(machines, mesh, testbed, operation, bytes);

    LatencySamples samples = new LatencySamples();
    MeasurementWindow measurement =
        new MeasurementWindow(machines.simulator(), machines.stats(), mesh.clientCount());
    long[] measured = new long[1];
    boolean inline = transfers.inline(caseIndex, machines.hardware());
    List<Runnable> starts = new ArrayList<>();
    for (int c = 0; c < mesh.clientCount(); c++) {
      QpMesh.Side client = mesh.client(c);
      CpuCore core = client.node().host().core(0);
      CompletionWatch.drain(client.receiveCq());
      CqDispatch sends = new CqDispatch(clientWatch, client.node(), client.sendCq(), core);
      ClosedLoop loop =
          new ClosedLoop(window, warmUp, warmUp + iterations, samples, measurement, measured);
      RequestIssuer issuer =
          new RequestIssuer(
              machines, client, mesh.pairs(c), core, operation, bytes, inline, window, loop);
      if (qpChoice == QpChoice.RANDOM) {
        issuer.chooseQpsAtRandom(
            machines.streams().stream("workload.qpChoice." + client.rnic().name()));
      }
      loop.attach(issuer);
      issuer.qps().forEach(qp -> sends.route(qp.qpn(), issuer::completed));
      starts.add(loop::start);
    }
    machines.simulator().schedule(LatencyLoop.SETTLE_PS, () -> starts.forEach(Runnable::run));
    measurement.run("the " + operation.label() + " bandwidth loop");
    List<String> clientNames = machines.clients().stream().map(node -> node.rnic().name()).toList();
    return new RunOutcome(
        samples,
        measured[0],
        measurement.measuredPs(),
        bytes,
        StageMeans.of(machines.stats(), clientNames, operation.opcode()),
        clientWatch.interrupts(),
        clientWatch.interruptedCqes(),
        List.of(),
        List.of(),
        0,
        machines.switchDrops(),
        machines.simulator().eventsExecuted(),
        List.of());
  }

  /** One client's closed loop: a new request for each completion until the target is issued. */
  static final class ClosedLoop implements RequestIssuer.Listener {
    private final int window;
    private final int warmUp;
    private final long target;
    private final LatencySamples samples;
    private final MeasurementWindow measurement;
    private final long[] measured;
    private ClientRequests issuer;
    private long issued;
    private long completed;

    ClosedLoop(
        int window,
        int warmUp,
        long target,
        LatencySamples samples,
        MeasurementWindow measurement,
        long[] measured) {
      this.window = window;
      this.warmUp = warmUp;
      this.target = target;
      this.samples = samples;
      this.measurement = measurement;
      this.measured = measured;
    }

    void attach(ClientRequests requestIssuer) {
      this.issuer = requestIssuer;
    }

    void start() {
      if (warmUp == 0) {
        measurement.warmedUp();
      }
      fill();
    }

    private void fill() {
      while (issued < target && issuer.inSystem() < window) {
        issued++;
        issuer.arrive();
      }
    }

    @Override
    public void completed(long latencyPs) {
      completed++;
      if (completed > warmUp) {
        samples.recordPs(latencyPs);
      }
      if (measurement.startPs() >= 0 && !measurement.isOver()) {
        measured[0]++;
      }
      if (completed == warmUp) {
        measurement.warmedUp();
      }
      if (completed == target) {
        measurement.finished();
      }
      fill();
    }
  }
}
