package org.rnicsim.experiments.flows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.experiments.rdma.sim.Await;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.testbed.Testbed;

/**
 * The connected QPs flows run on, made before the first flow: per (sender, receiver) pair the
 * pattern can use, {@code qpsPerPair} QPs on the sender, each connected to a QP of its own on the
 * receiver. A flow takes an idle QP of its pair and gives it back when it ends.
 *
 * <p>Why a pool and not a QP made at each flow's start: making and connecting an RC QP is four
 * firmware commands on each side (tens of microseconds, docs/calibration.md), longer than most
 * WebSearch flows take on the wire; applications that care about flow completion keep their
 * connections, so a flow's time is its data's, and the pool's size is what the adapter's QP context
 * cache sees.
 */
final class FlowQps {
  private final CompletionQueue[] sendCqs;
  private final ArrayDeque<QueuePair>[][] idle;

  @SuppressWarnings("unchecked")
  private FlowQps(CompletionQueue[] sendCqs, int machines) {
    this.sendCqs = sendCqs;
    this.idle = new ArrayDeque[machines][machines];
  }

  /** A sender's QP and the receiver's QP it is connected to. */
  private record Connection(int from, int to, QueuePair[] qps) {}

  /** Makes and connects every pool, running the simulation until they are ready. */
  static FlowQps connect(Testbed testbed, List<int[]> destinations, int qpsPerPair, int window) {
    RnicSimulator simulator = testbed.simulator();
    int machines = testbed.size();
    int maxCq = testbed.hardware().limits().maxCqDepth();
    CompletionQueue[] sendCqs = new CompletionQueue[machines];
    CompletionQueue[] receiveCqs = new CompletionQueue[machines];
    Await cqs = new Await(simulator, "creating CQs");
    for (int m = 0; m < machines; m++) {
      int host = m;
      long sendDepth = (long) destinations.get(m).length * qpsPerPair * window;
      Rnic nic = testbed.node(m).rnic();
      Runnable sendMade = cqs.expect(() -> {}, 1);
      Runnable receiveMade = cqs.expect(() -> {}, 1);
      nic.createCq(
          (int) Math.max(1, Math.min(sendDepth, maxCq)),
          null,
          cq -> {
            sendCqs[host] = cq;
            sendMade.run();
          });
      // WRITEs raise no receive completions; the QPs still need a receive CQ.
      nic.createCq(
          1,
          null,
          cq -> {
            receiveCqs[host] = cq;
            receiveMade.run();
          });
    }
    cqs.run();
    List<Connection> connections = new ArrayList<>();
    Await create = new Await(simulator, "creating QPs");
    for (int from = 0; from < machines; from++) {
      for (int to : destinations.get(from)) {
        for (int q = 0; q < qpsPerPair; q++) {
          Connection connection = new Connection(from, to, new QueuePair[2]);
          connections.add(connection);
          int[] ends = {from, to};
          for (int side = 0; side < 2; side++) {
            int index = side;
            Runnable made = create.expect(() -> {}, 1);
            testbed
                .node(ends[side])
                .rnic()
                .createQp(
                    sendCqs[ends[side]],
                    receiveCqs[ends[side]],
                    side == 0 ? window : 1,
                    1,
                    qp -> {
                      connection.qps()[index] = qp;
                      made.run();
                    });
          }
        }
      }
    }
    create.run();
    step(
        testbed,
        "moving QPs to INIT",
        connections,
        (nic, qp, peer, done) -> nic.modifyQp(qp, QpState.INIT, done));
    step(
        testbed,
        "connecting QPs",
        connections,
        (nic, qp, peer, done) -> nic.connectQp(qp, peer.address(), peer.qpn(), done));
    step(
        testbed,
        "moving QPs to RTS",
        connections,
        (nic, qp, peer, done) -> nic.modifyQp(qp, QpState.RTS, done));
    FlowQps pools = new FlowQps(sendCqs, machines);
    for (Connection connection : connections) {
      pools.queue(connection.from(), connection.to()).add(connection.qps()[0]);
    }
    return pools;
  }

  /** The far end of a connection as a step needs it. */
  private record Peer(int address, int qpn) {}

  private interface QpStep {
    void apply(Rnic nic, QueuePair qp, Peer peer, Runnable done);
  }

  private static void step(
      Testbed testbed, String what, List<Connection> connections, QpStep step) {
    Await await = new Await(testbed.simulator(), what);
    for (Connection connection : connections) {
      int[] ends = {connection.from(), connection.to()};
      for (int side = 0; side < 2; side++) {
        Rnic nic = testbed.node(ends[side]).rnic();
        Rnic peerNic = testbed.node(ends[1 - side]).rnic();
        Peer peer = new Peer(peerNic.address(), connection.qps()[1 - side].qpn());
        step.apply(nic, connection.qps()[side], peer, await.expect(() -> {}, 1));
      }
    }
    await.run();
  }

  /** Machine {@code machine}'s send CQ, shared by all its flows. */
  CompletionQueue sendCq(int machine) {
    return sendCqs[machine];
  }

  /** The idle QPs from {@code from} to {@code to}. */
  ArrayDeque<QueuePair> queue(int from, int to) {
    if (idle[from][to] == null) {
      idle[from][to] = new ArrayDeque<>();
    }
    return idle[from][to];
  }
}
