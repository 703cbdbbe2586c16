package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.host.CpuCore;

/**
 * The server of a throughput job: passive for WRITE and READ (the adapter answers alone), and for
 * SEND a thread on core 0 that keeps every QP's receive queue full, learning of receives the same
 * way the clients learn of completions.
 */
final class ServerSide {
  private ServerSide() {}

  static void prepare(
      Machines machines, QpMesh mesh, TestbedPlan testbed, RdmaOperation operation, long bytes) {
    QpMesh.Side server = mesh.server();
    CompletionWatch.drain(server.sendCq());
    if (operation != RdmaOperation.SEND) {
      CompletionWatch.drain(server.receiveCq());
      return;
    }
    CpuCore core = server.node().host().core(0);
    CompletionWatch watch =
        new CompletionWatch(testbed.completion(), machines.hardware().host().cqPollDetectPs());
    CqDispatch receives = new CqDispatch(watch, server.node(), server.receiveCq(), core);
    new ServerReceives(machines, mesh, receives, core, bytes);
  }
}
