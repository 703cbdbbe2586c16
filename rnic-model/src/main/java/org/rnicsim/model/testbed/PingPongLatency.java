package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.BackToBackTestbed.Endpoint;

/**
 * A SEND ping-pong as ib_send_lat runs it: the client sends, the server polls its receive CQ,
 * re-posts the receive and sends back, and the client does the same; one-way latency is half the
 * round trip. Both sides poll: a core spinning on the CQ ring sees a CQE {@code cqPollDetectPs}
 * after it lands. Posting costs the profile's CPU time per WQE; the doorbell is written when the
 * post returns. Send completions are signalled and drained off the critical path.
 *
 * <p>Statistic: {@code pingpong.oneWayPs}, one sample per round trip. All statistics of the
 * registry are reset when warm-up ends.
 */
public final class PingPongLatency {
  /** Like perftest, every message uses the same buffers, so their translations stay cached. */
  private static final long RECEIVE_BUFFER_ADDRESS = 0x10_0000L;

  private static final long SEND_BUFFER_ADDRESS = 0x80_0000L;

  private final RnicSimulator simulator;
  private final HostProfile host;
  private final Endpoint[] ends;
  private final CpuCore[] cores;
  private final long messageBytes;
  private final boolean inline;
  private final int warmupRounds;
  private final int rounds;
  private final LatencyHistogram oneWay;
  private final StatisticsRegistry stats;
  private final List<Completion> polled = new ArrayList<>();
  private long roundStartPs;
  private int roundsDone;
  private long nextWrId;

  /**
   * @param inline whether the payload travels inline (as perftest does up to its inline size)
   */
  public PingPongLatency(
      BackToBackTestbed testbed,
      ConnectedPair pair,
      long messageBytes,
      boolean inline,
      int warmupRounds,
      int rounds,
      StatisticsRegistry stats) {
    this.simulator = testbed.simulator();
    this.host = testbed.profile().host();
    this.ends = new Endpoint[] {pair.a(), pair.b()};
    this.cores = new CpuCore[] {testbed.host(0).core(0), testbed.host(1).core(0)};
    this.messageBytes = messageBytes;
    this.inline = inline;
    this.warmupRounds = warmupRounds;
    this.rounds = rounds;
    this.oneWay = stats.histogram("pingpong.oneWayPs");
    this.stats = stats;
  }

  /** Runs warm-up and measured rounds to the end; returns the one-way histogram. */
  public LatencyHistogram run() {
    for (int side = 0; side < 2; side++) {
      int me = side;
      Endpoint end = ends[side];
      for (int i = 0; i < end.qp().receiveQueueDepth(); i++) {
        end.nic().postReceive(end.qp(), nextWrId++, RECEIVE_BUFFER_ADDRESS, messageBytes);
      }
      end.nic().ringReceiveDoorbell(end.qp());
      end.receiveCq().setListener(cq -> cores[me].submit(detect(me)));
      end.sendCq().setListener(cq -> cq.consume(Integer.MAX_VALUE));
    }
    // Let the receive prefetch settle before the first round, as perftest's setup does.
    simulator.schedule(100_000_000L, () -> startRound());
    simulator.runUntil(() -> roundsDone >= warmupRounds + rounds);
    return oneWay;
  }

  private void startRound() {
    cores[0].submit(post(0));
  }

  private CpuCore.Work post(int side) {
    Endpoint end = ends[side];
    Rnic nic = end.nic();
    SendWorkRequest request =
        new SendWorkRequest(
            nextWrId++, WorkOpcode.SEND, SEND_BUFFER_ADDRESS, messageBytes, 0, true, inline);
    return new CpuCore.Work(
        CpuWorkKind.POST,
        host.postSendCpuPs(),
        () -> {
          if (side == 0) {
            // perftest takes the round's start stamp right before ibv_post_send.
            roundStartPs = simulator.nowPs();
          }
          if (!nic.postSend(end.qp(), request)) {
            throw new IllegalStateException("send queue full or QP not ready: " + end.qp());
          }
        },
        () -> nic.ringSendDoorbell(end.qp()));
  }

  private CpuCore.Work detect(int side) {
    return new CpuCore.Work(
        CpuWorkKind.CONSUMER, host.cqPollDetectPs(), () -> {}, () -> polled(side));
  }

  private void polled(int side) {
    Endpoint end = ends[side];
    polled.clear();
    int received = end.receiveCq().poll(Integer.MAX_VALUE, polled);
    if (received == 0) {
      return;
    }
    for (Completion completion : polled) {
      if (!completion.isSuccess()) {
        throw new IllegalStateException("ping-pong receive failed: " + completion);
      }
    }
    // perftest re-posts the receive before answering.
    cores[side].submit(
        new CpuCore.Work(
            CpuWorkKind.POST,
            host.postRecvCpuPs() * received,
            () -> {
              for (int i = 0; i < received; i++) {
                end.nic().postReceive(end.qp(), nextWrId++, RECEIVE_BUFFER_ADDRESS, messageBytes);
              }
              end.nic().ringReceiveDoorbell(end.qp());
            },
            () -> {}));
    if (side == 1) {
      cores[1].submit(post(1));
      return;
    }
    roundsDone++;
    if (roundsDone == warmupRounds) {
      // Warm-up over: every statistic (stage breakdown included) restarts with the next round.
      stats.resetAll();
    }
    if (roundsDone > warmupRounds) {
      oneWay.recordPs((simulator.nowPs() - roundStartPs) / 2);
    }
    if (roundsDone < warmupRounds + rounds) {
      startRound();
    }
  }
}
