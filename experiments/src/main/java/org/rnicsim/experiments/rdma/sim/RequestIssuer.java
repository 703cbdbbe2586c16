package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.host.CpuCore;

/**
 * A client thread that turns requests into work requests: each request waits in a software backlog
 * until fewer than {@code window} are in flight, is then posted on the next QP in turn (round
 * robin, skipping a full queue) or on one drawn at random (as rdma_bench's swarm does, calibration
 * Q1; a full queue sends it on round robin from there), and its latency is taken from when it
 * arrived to when the thread polls its completion. Each QP a batch of posts touched gets one
 * doorbell when the batch returns.
 */
final class RequestIssuer extends ClientRequests {
  /** Told the latency of each completed request. */
  interface Listener {
    void completed(long latencyPs);
  }

  private static final long LOCAL_BUFFER = 0x1000_0000L;
  private static final long REMOTE_BUFFER = 0x4000_0000L;

  private final Rnic rnic;
  private final List<QueuePair> qps;
  private final Map<Integer, Integer> qpIndex = new HashMap<>();
  private final LongFifo[] stamps;
  private final RdmaOperation operation;
  private final long bytes;
  private final long regionBytes;
  private final boolean inline;
  private final Listener listener;
  private final BitSet touched = new BitSet();
  private final List<Integer> touchedOrder = new ArrayList<>();
  private int nextQp;
  private SimRandom qpChooser;
  private long nextWrId;

  RequestIssuer(
      Machines machines,
      QpMesh.Side client,
      List<QpMesh.Pair> pairs,
      CpuCore core,
      RdmaOperation operation,
      long bytes,
      boolean inline,
      int window,
      Listener listener) {
    super(machines.simulator(), core, window, machines.hardware().host().postSendCpuPs());
    this.rnic = client.rnic();
    this.qps = pairs.stream().map(QpMesh.Pair::clientQp).toList();
    this.stamps = new LongFifo[qps.size()];
    for (int i = 0; i < qps.size(); i++) {
      qpIndex.put(qps.get(i).qpn(), i);
      stamps[i] = new LongFifo();
    }
    this.operation = operation;
    this.bytes = bytes;
    // Every QP works on its own page-aligned region of the peer, as a key-value store's clients do.
    this.regionBytes = (bytes + 4095) / 4096 * 4096;
    this.inline = inline;
    this.listener = listener;
  }

  /** From now on each request goes to a QP drawn uniformly from {@code chooser}. */
  void chooseQpsAtRandom(SimRandom chooser) {
    this.qpChooser = chooser;
  }

  /** The QPs whose completions belong to this issuer. */
  List<QueuePair> qps() {
    return qps;
  }

  /** Called with each completion of this issuer's QPs, when the thread has polled it. */
  void completed(Completion completion) {
    Integer index = qpIndex.get(completion.qpn());
    long arrivedPs = stamps[index].remove();
    inFlight--;
    listener.completed(simulator.nowPs() - arrivedPs);
    pump();
  }

  @Override
  void callsStarting(int batch) {
    for (int i = 0; i < batch; i++) {
      int index = postOne();
      if (index < 0) {
        break;
      }
      if (!touched.get(index)) {
        touched.set(index);
        touchedOrder.add(index);
      }
    }
  }

  /** Posts the oldest waiting request on the next QP with room; its index, or -1 if none has. */
  private int postOne() {
    if (qpChooser != null) {
      nextQp = (int) qpChooser.nextLong(qps.size());
    }
    for (int tried = 0; tried < qps.size(); tried++) {
      int index = nextQp;
      nextQp = (nextQp + 1) % qps.size();
      QueuePair qp = qps.get(index);
      long remote = REMOTE_BUFFER + index * regionBytes;
      SendWorkRequest request =
          new SendWorkRequest(
              nextWrId,
              operation.opcode(),
              LOCAL_BUFFER,
              bytes,
              operation == RdmaOperation.SEND ? 0 : remote,
              true,
              inline);
      if (rnic.postSend(qp, request)) {
        nextWrId++;
        stamps[index].add(backlog.remove());
        inFlight++;
        return index;
      }
    }
    return -1;
  }

  /** Each QP the batch touched gets one doorbell. */
  @Override
  void callsReturned(int batch) {
    for (int index : touchedOrder) {
      rnic.ringSendDoorbell(qps.get(index));
    }
    touched.clear();
    touchedOrder.clear();
  }
}
