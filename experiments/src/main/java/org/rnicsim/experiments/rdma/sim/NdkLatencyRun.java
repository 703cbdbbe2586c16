package org.rnicsim.experiments.rdma.sim;

import java.util.List;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.ndk.api.struct.NdkResult;

/**
 * One job of a latency study with {@code api: ndk}: the perftest loop of {@link LatencyRun}, played
 * by the NDK consumers of an {@link NdkConsumerPair}. A WRITE is seen landing by polling the
 * buffer's last byte, as ib_write_lat does. What the NDK adds over the hardware loop is the
 * consumer-visible cost.
 */
public final class NdkLatencyRun {
  private final RdmaOperation operation;
  private final int warmUp;
  private final int iterations;
  private final LatencySamples samples = new LatencySamples();
  private NdkConsumerPair pair;
  private long roundStartPs;
  private long measuredFromPs;
  private long measuredToPs;
  private int rounds;

  private NdkLatencyRun(RdmaOperation operation, int warmUp, int iterations) {
    this.operation = operation;
    this.warmUp = warmUp;
    this.iterations = iterations;
  }

  /** Runs case {@code caseIndex} with {@code warmUp} then {@code iterations} rounds. */
  public static NdkOutcome run(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      int warmUp,
      int iterations,
      long seed,
      int replication) {
    NdkLatencyRun run = new NdkLatencyRun(transfers.operation(caseIndex), warmUp, iterations);
    NdkConsumerPair pair =
        NdkConsumerPair.open(
            "ndk-latency", testbed, transfers, caseIndex, seed, replication, run::completed);
    run.pair = pair;
    pair.countNotificationsWhile(() -> run.rounds >= warmUp);
    for (int side = 0; side < 2; side++) {
      boolean atServer = side == NdkConsumerPair.SERVER;
      pair.hosts().node(side).rnic().setWriteLandedListener(qp -> run.landed(atServer));
    }
    if (run.operation == RdmaOperation.SEND) {
      pair.fillReceives(NdkConsumerPair.SERVER, transfers.qpDepth());
      pair.fillReceives(NdkConsumerPair.CLIENT, transfers.qpDepth());
    }
    run.loop();
    return pair.outcome(
        run.samples,
        run.samples.count(),
        run.measuredToPs - run.measuredFromPs,
        List.of(),
        List.of(),
        0);
  }

  private void loop() {
    if (warmUp == 0) {
      measuredFromPs = pair.simulator().nowPs();
    }
    post(false);
    pair.simulator().runUntil(() -> rounds == warmUp + iterations);
    if (rounds < warmUp + iterations) {
      throw new IllegalStateException(
          "the NDK " + operation.label() + " loop stalled after " + rounds + " rounds");
    }
  }

  /** The client (or the server, answering) posts the round's message. */
  private void post(boolean fromServer) {
    if (!fromServer) {
      // perftest stamps the round right before it posts.
      roundStartPs = pair.simulator().nowPs();
    }
    pair.post(fromServer ? NdkConsumerPair.SERVER : NdkConsumerPair.CLIENT, rounds);
  }

  /** Each receive answers (or ends the round at the client), each READ ends a round. */
  private void completed(int side, NdkResult result) {
    boolean atServer = side == NdkConsumerPair.SERVER;
    if (NdkConsumerPair.RECEIVE.equals(result.requestContext())) {
      if (atServer) {
        post(true);
      } else {
        roundDone(pair.simulator().nowPs());
      }
    } else if (operation == RdmaOperation.READ && !atServer) {
      roundDone(pair.simulator().nowPs());
    }
  }

  /** A WRITE landed: the side polling its buffer sees the last byte a poll later. */
  private void landed(boolean atServer) {
    if (operation != RdmaOperation.WRITE) {
      return;
    }
    pair.simulator()
        .schedule(
            pair.pollDetectPs(),
            () -> {
              if (atServer) {
                post(true);
              } else {
                roundDone(pair.simulator().nowPs());
              }
            });
  }

  private void roundDone(long seenPs) {
    long roundPs = seenPs - roundStartPs;
    rounds++;
    if (rounds > warmUp) {
      samples.recordPs(operation == RdmaOperation.READ ? roundPs : roundPs / 2);
      measuredToPs = seenPs;
    }
    if (rounds == warmUp) {
      measuredFromPs = seenPs;
    }
    if (rounds < warmUp + iterations) {
      post(false);
    }
  }
}
