package org.rnicsim.model.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.BackToBackTestbed.Endpoint;

/**
 * Test workload: on several connected QP pairs, both sides post a seeded random mix of SEND, WRITE
 * and READ of random sizes, signalled or not, inline when small, at random times, and keep every
 * completion they see. Receives for the peer's SENDs are posted up front.
 */
final class MixedTraffic {
  record Posted(long wrId, boolean signalled, Endpoint from) {}

  final BackToBackTestbed testbed;
  final List<ConnectedPair> pairs = new ArrayList<>();
  final Map<Long, Posted> posted = new HashMap<>();
  final Map<Long, List<Completion>> sendCompletions = new HashMap<>();
  final Map<Long, List<Completion>> receiveCompletions = new HashMap<>();
  final Map<Long, Endpoint> receivesPosted = new HashMap<>();
  private final SimRandom random;
  private long nextWrId = 1;

  MixedTraffic(BackToBackTestbed testbed, int pairCount, int queueDepth, long seed) {
    this.testbed = testbed;
    this.random = new RandomStreams(seed, 0).stream("mixed-traffic");
    for (int i = 0; i < pairCount; i++) {
      ConnectedPair pair = testbed.connectPair(queueDepth, 4 * queueDepth);
      pairs.add(pair);
      for (Endpoint end : List.of(pair.a(), pair.b())) {
        listen(end.sendCq(), sendCompletions);
        listen(end.receiveCq(), receiveCompletions);
      }
    }
  }

  private static void listen(CompletionQueue cq, Map<Long, List<Completion>> into) {
    List<Completion> batch = new ArrayList<>();
    cq.setListener(
        landed -> {
          batch.clear();
          landed.poll(Integer.MAX_VALUE, batch);
          for (Completion c : batch) {
            into.computeIfAbsent(c.wrId(), k -> new ArrayList<>()).add(c);
          }
        });
  }

  /** Schedules {@code perSide} requests from each side of each pair over {@code spanPs}. */
  void schedule(int perSide, long spanPs) {
    RnicSimulator sim = testbed.simulator();
    for (ConnectedPair pair : pairs) {
      for (Endpoint from : List.of(pair.a(), pair.b())) {
        Endpoint to = from == pair.a() ? pair.b() : pair.a();
        int sends = 0;
        List<SendWorkRequest> requests = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
          SendWorkRequest request = randomRequest();
          if (request.opcode() == WorkOpcode.SEND) {
            sends++;
          }
          requests.add(request);
        }
        for (int i = 0; i < sends; i++) {
          long wrId = nextWrId++;
          receivesPosted.put(wrId, to);
          if (!to.nic().postReceive(to.qp(), wrId, 0x4000_0000L, 64 * 1024)) {
            throw new IllegalStateException("receive queue too small for the test");
          }
        }
        to.nic().ringReceiveDoorbell(to.qp());
        for (SendWorkRequest request : requests) {
          long atPs = 1_000_000 + random.nextLong(spanPs);
          sim.schedule(atPs, () -> post(from, request));
        }
      }
    }
  }

  private void post(Endpoint from, SendWorkRequest request) {
    if (!from.nic().postSend(from.qp(), request)) {
      // Ring full: try again a little later, as a consumer would.
      testbed.simulator().schedule(5_000_000, () -> post(from, request));
      return;
    }
    posted.put(request.wrId(), new Posted(request.wrId(), request.signalled(), from));
    from.nic().ringSendDoorbell(from.qp());
  }

  /**
   * Conservation: every posted send WQE ended in exactly one completion, or is unsignalled and
   * succeeded (no completion); no send work is left outstanding; a receive completes at most once,
   * and exactly once when its QP is in ERROR.
   */
  void assertEveryWqeEndedExactlyOnce() {
    for (Posted request : posted.values()) {
      List<Completion> seen = sendCompletions.getOrDefault(request.wrId(), List.of());
      if (request.signalled()) {
        if (seen.size() != 1) {
          throw new AssertionError("signalled wr " + request.wrId() + " completed " + seen);
        }
      } else if (seen.size() > 1 || (seen.size() == 1 && seen.get(0).isSuccess())) {
        throw new AssertionError("unsignalled wr " + request.wrId() + " completed " + seen);
      }
    }
    for (ConnectedPair pair : pairs) {
      for (Endpoint end : List.of(pair.a(), pair.b())) {
        if (end.qp().sendWorkOutstanding() != 0) {
          throw new AssertionError(end.qp() + " has send work left");
        }
      }
    }
    for (String nic : new String[] {"nic0", "nic1"}) {
      if (testbed.stats().gauge(nic + ".txBuffer.usedBytes").value() != 0) {
        throw new AssertionError(nic + " transmit buffer still holds payload");
      }
    }
    for (Map.Entry<Long, Endpoint> receive : receivesPosted.entrySet()) {
      List<Completion> seen = receiveCompletions.getOrDefault(receive.getKey(), List.of());
      boolean inError =
          receive.getValue().qp().state() == org.rnicsim.model.adapter.transport.QpState.ERROR;
      if (seen.size() > 1 || (inError && seen.size() != 1)) {
        throw new AssertionError("receive " + receive.getKey() + " completed " + seen);
      }
    }
  }

  private SendWorkRequest randomRequest() {
    long wrId = nextWrId++;
    int kind = (int) random.nextLong(3);
    WorkOpcode opcode =
        kind == 0 ? WorkOpcode.SEND : kind == 1 ? WorkOpcode.RDMA_WRITE : WorkOpcode.RDMA_READ;
    long bytes = random.bernoulli(0.5) ? random.nextLong(200) : random.nextLong(20_000);
    boolean inline = opcode != WorkOpcode.RDMA_READ && bytes <= 128 && random.bernoulli(0.5);
    boolean signalled = random.bernoulli(0.7);
    long local = 0x1000_0000L + random.nextLong(64) * 4096;
    long remote = 0x2000_0000L + random.nextLong(64) * 4096;
    return new SendWorkRequest(wrId, opcode, local, bytes, remote, signalled, inline);
  }
}
