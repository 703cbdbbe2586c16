package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.BackToBackTestbed.Endpoint;

/**
 * Small one-sided requests spread round robin over many QPs, as the QP-scalability sweeps of
 * calibration Q1 issue them: machine 0 keeps {@code outstanding} requests in flight, each new one
 * on the next QP in turn, so every request touches a different QP context than the last. The host
 * costs nothing here: the sweep measures the adapters.
 */
public final class RoundRobinRequests {
  private final RnicSimulator simulator;
  private final List<Endpoint> requesters = new ArrayList<>();
  private final WorkOpcode opcode;
  private final long messageBytes;
  private int nextQp;
  private long posted;
  private long completed;
  private long target;

  /** Connects {@code qps} pairs on {@code testbed} and prepares the workload. */
  public RoundRobinRequests(
      BackToBackTestbed testbed, int qps, WorkOpcode opcode, long messageBytes) {
    if (opcode != WorkOpcode.RDMA_READ && opcode != WorkOpcode.RDMA_WRITE) {
      throw new IllegalArgumentException("one-sided READ or WRITE only, not " + opcode);
    }
    this.simulator = testbed.simulator();
    this.opcode = opcode;
    this.messageBytes = messageBytes;
    for (int i = 0; i < qps; i++) {
      ConnectedPair pair = testbed.connectPair(16, 64);
      Endpoint requester = pair.a();
      requesters.add(requester);
      CompletionQueue cq = requester.sendCq();
      cq.setListener(this::landed);
    }
  }

  public long completed() {
    return completed;
  }

  /**
   * Runs until {@code operations} more requests have completed with {@code outstanding} in flight;
   * returns the simulated picoseconds it took.
   */
  public long run(long operations, int outstanding) {
    long startPs = simulator.nowPs();
    target = completed + operations;
    long inFlight = posted - completed;
    for (long i = inFlight; i < outstanding && posted < target; i++) {
      postNext();
    }
    simulator.runUntil(() -> completed >= target);
    return simulator.nowPs() - startPs;
  }

  private void landed(CompletionQueue cq) {
    int done = cq.consume(Integer.MAX_VALUE);
    completed += done;
    for (int i = 0; i < done && posted < target; i++) {
      postNext();
    }
  }

  private void postNext() {
    Endpoint end = requesters.get(nextQp);
    nextQp = (nextQp + 1) % requesters.size();
    // Each QP reads or writes its own 4 KiB page on the peer, as a key-value store's clients do.
    long remote = 0x4000_0000L + (long) nextQp * 4096;
    SendWorkRequest request =
        new SendWorkRequest(posted, opcode, 0x1000_0000L, messageBytes, remote, true, false);
    if (!end.nic().postSend(end.qp(), request)) {
      throw new IllegalStateException("send queue full: " + end.qp().describe());
    }
    end.nic().ringSendDoorbell(end.qp());
    posted++;
  }
}
