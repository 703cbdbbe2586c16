package org.rnicsim.experiments.rdma.sim;

import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.host.CpuCore;

/** One job of a latency study: machines, one QP pair per client, the loops, the outcome. */
public final class LatencyRun {
  private LatencyRun() {}

  /**
   * Runs case {@code caseIndex} of {@code transfers} with {@code warmUp} then {@code iterations}
   * rounds on every client.
   */
  public static RunOutcome run(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      int warmUp,
      int iterations,
      long seed,
      int replication) {
    RdmaOperation operation = transfers.operation(caseIndex);
    long bytes = transfers.sizeBytes(caseIndex);
    String id =
        String.format(Locale.ROOT, "latency-%s-%dB-rep%d", operation.label(), bytes, replication);
    Machines machines = new Machines(testbed, seed, replication, id);
    QpMesh mesh = QpMesh.connect(machines, 1, transfers.qpDepth(), transfers.cqDepth());
    long pollPs = machines.hardware().host().cqPollDetectPs();
    CompletionWatch clientWatch = new CompletionWatch(testbed.completion(), pollPs);
    CompletionWatch serverWatch = new CompletionWatch(testbed.completion(), pollPs);
    CpuCore serverCore = mesh.server().node().host().core(0);

    QpMesh.Side server = mesh.server();
    CqDispatch serverReceives = null;
    WriteDispatch serverWrites = null;
    if (operation == RdmaOperation.SEND) {
      serverReceives = new CqDispatch(serverWatch, server.node(), server.receiveCq(), serverCore);
    } else {
      CompletionWatch.drain(server.receiveCq());
    }
    if (operation == RdmaOperation.WRITE) {
      serverWrites = new WriteDispatch(server.rnic());
    }
    CompletionWatch.drain(server.sendCq());

    LatencySamples samples = new LatencySamples();
    MeasurementWindow window =
        new MeasurementWindow(machines.simulator(), machines.stats(), mesh.clientCount());
    LatencyLoop.Settings settings =
        new LatencyLoop.Settings(
            operation,
            bytes,
            transfers.inline(caseIndex, machines.hardware()),
            warmUp,
            iterations,
            samples,
            window);
    for (int c = 0; c < mesh.clientCount(); c++) {
      QpMesh.Side client = mesh.client(c);
      CpuCore core = client.node().host().core(0);
      CqDispatch receives = null;
      CqDispatch sends = null;
      if (operation == RdmaOperation.SEND) {
        receives = new CqDispatch(clientWatch, client.node(), client.receiveCq(), core);
      } else {
        CompletionWatch.drain(client.receiveCq());
      }
      if (operation == RdmaOperation.READ) {
        sends = new CqDispatch(clientWatch, client.node(), client.sendCq(), core);
      } else {
        CompletionWatch.drain(client.sendCq());
      }
      WriteDispatch writes =
          operation == RdmaOperation.WRITE ? new WriteDispatch(client.rnic()) : null;
      new LatencyLoop(machines, mesh, c, serverCore, settings)
          .start(receives, serverReceives, sends, writes, serverWrites);
    }
    window.run("the " + operation.label() + " latency loop");
    List<String> clientNames = machines.clients().stream().map(node -> node.rnic().name()).toList();
    return new RunOutcome(
        samples,
        samples.count(),
        window.measuredPs(),
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
}
