package org.rnicsim.experiments.rdma.sim;

import java.util.List;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;

/**
 * The server side of SEND traffic, as ib_send_bw's server runs it: every QP starts with its receive
 * queue full, and each receive completion the server thread polls is answered by re-posting one
 * receive on that QP ({@code postRecvCpu} on the server's core), so senders never meet an empty
 * queue unless the server falls behind.
 */
final class ServerReceives {
  private static final long RECEIVE_BUFFER = 0x8000_0000L;

  private final Rnic rnic;
  private final CpuCore core;
  private final long bytes;
  private final long repostCpuPs;
  private long nextWrId;

  ServerReceives(Machines machines, QpMesh mesh, CqDispatch receives, CpuCore core, long bytes) {
    this.rnic = mesh.server().rnic();
    this.core = core;
    this.bytes = bytes;
    this.repostCpuPs = machines.hardware().host().postRecvCpuPs();
    for (int c = 0; c < mesh.clientCount(); c++) {
      List<QpMesh.Pair> pairs = mesh.pairs(c);
      for (QpMesh.Pair pair : pairs) {
        QueuePair qp = pair.serverQp();
        for (int i = 0; i < qp.receiveQueueDepth(); i++) {
          rnic.postReceive(qp, nextWrId++, RECEIVE_BUFFER, bytes);
        }
        rnic.ringReceiveDoorbell(qp);
        receives.route(qp.qpn(), completion -> repost(qp));
      }
    }
  }

  private void repost(QueuePair qp) {
    core.submit(
        new CpuCore.Work(
            CpuWorkKind.POST,
            repostCpuPs,
            () -> {
              rnic.postReceive(qp, nextWrId++, RECEIVE_BUFFER, bytes);
              rnic.ringReceiveDoorbell(qp);
            },
            () -> {}));
  }
}
