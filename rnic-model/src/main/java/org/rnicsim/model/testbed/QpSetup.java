package org.rnicsim.model.testbed;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.testbed.BackToBackTestbed.Endpoint;

/**
 * Control-path steps a test setup needs, each run on simulated time until it has finished: create
 * CQs and a QP, and connect two QPs (RESET, INIT, RTR, RTS on both sides).
 */
final class QpSetup {
  private QpSetup() {}

  static Endpoint createEndpoint(RnicSimulator simulator, Rnic nic, int queueDepth, int cqDepth) {
    CompletionQueue[] cqs = new CompletionQueue[2];
    QueuePair[] qp = new QueuePair[1];
    nic.createCq(cqDepth, null, cq -> cqs[0] = cq);
    nic.createCq(cqDepth, null, cq -> cqs[1] = cq);
    simulator.runUntil(() -> cqs[0] != null && cqs[1] != null);
    requireDone(cqs[1] != null);
    nic.createQp(cqs[0], cqs[1], queueDepth, queueDepth, created -> qp[0] = created);
    simulator.runUntil(() -> qp[0] != null);
    requireDone(qp[0] != null);
    return new Endpoint(nic, qp[0], cqs[0], cqs[1]);
  }

  static void connect(RnicSimulator simulator, Endpoint a, Endpoint b) {
    int[] pending = {0};
    Runnable done = () -> pending[0]--;
    pending[0] = 2;
    a.nic().modifyQp(a.qp(), QpState.INIT, done);
    b.nic().modifyQp(b.qp(), QpState.INIT, done);
    runUntilZero(simulator, pending);
    pending[0] = 2;
    a.nic().connectQp(a.qp(), b.nic().address(), b.qp().qpn(), done);
    b.nic().connectQp(b.qp(), a.nic().address(), a.qp().qpn(), done);
    runUntilZero(simulator, pending);
    pending[0] = 2;
    a.nic().modifyQp(a.qp(), QpState.RTS, done);
    b.nic().modifyQp(b.qp(), QpState.RTS, done);
    runUntilZero(simulator, pending);
  }

  private static void runUntilZero(RnicSimulator simulator, int[] pending) {
    simulator.runUntil(() -> pending[0] == 0);
    requireDone(pending[0] == 0);
  }

  private static void requireDone(boolean done) {
    if (!done) {
      throw new IllegalStateException("setup did not finish: the simulation ran dry");
    }
  }
}
