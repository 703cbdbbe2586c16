package org.rnicsim.experiments.rdma.sim;

import java.util.List;
import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.experiments.rdma.RdmaOperation;
import org.rnicsim.experiments.rdma.Transfers;
import org.rnicsim.experiments.study.CompletionPlan;
import org.rnicsim.experiments.study.CompletionSection;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.NdkHosts;
import org.rnicsim.ndk.provider.SimNdkProvider;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * One job of a latency study with {@code api: ndk}: the perftest loop of {@link LatencyRun}, played
 * by an NDK consumer on each of the two machines through the simulated provider and the lifetime
 * verifier. The consumer busy-polls its CQ with GetCqResults (it sees an entry a cache-line
 * transfer after the provider queues it) or, when completions are interrupts, arms it and drains it
 * in its CQ notification (with the study's static moderation); it posts with NdkSend, NdkWrite or
 * NdkRead, each paying the provider's post cost; a WRITE is seen landing by polling the buffer's
 * last byte, as ib_write_lat does. The QPs are joined on the datapath directly: connection setup is
 * not what the loop measures. What the NDK adds over the hardware loop is the consumer-visible
 * cost.
 */
public final class NdkLatencyRun {
  private static final long CLIENT_BUFFER = 0x10_0000;
  private static final long SERVER_BUFFER = 0x80_0000;
  private static final int TOKEN = 1;

  /** The request context of every receive, telling its completions from the initiator's. */
  private static final String RECEIVE = "receive";

  private final RnicSimulator simulator;
  private final LifetimeVerifier verifier;
  private final HostProfile host;
  private final CompletionPlan completion;
  private final boolean interrupts;
  private final long inlineBytes;
  private final RdmaOperation operation;
  private final List<NdkSge> clientSgl;
  private final List<NdkSge> serverSgl;
  private final int flags;
  private final int warmUp;
  private final int iterations;
  private final LatencySamples samples = new LatencySamples();
  private final NdkQp[] qps = new NdkQp[2];
  private final NdkCq[] cqs = new NdkCq[2];
  private final boolean[] pollScheduled = new boolean[2];
  private final NdkResult[] results = new NdkResult[16];
  private long roundStartPs;
  private long measuredFromPs;
  private long measuredToPs;
  private int rounds;
  private long clientNotifications;
  private long clientNotifiedEntries;

  /** What the job measured, with the verifier's violations. */
  public record Outcome(RunOutcome run, int violations) {}

  private NdkLatencyRun(
      TestbedPlan testbed, Transfers transfers, int caseIndex, int warmUp, int iterations) {
    this.operation = transfers.operation(caseIndex);
    long bytes = transfers.sizeBytes(caseIndex);
    this.simulator = new RnicSimulator("ndk-latency-" + operation.label() + "-" + bytes + "B");
    this.verifier = LifetimeVerifier.builder(simulator::nowPs).build();
    this.host = testbed.hardware().host();
    this.completion = testbed.completion();
    this.interrupts = completion.mode() == CompletionSection.Mode.INTERRUPTS;
    this.inlineBytes = testbed.hardware().adapter().maxInlineBytes();
    this.warmUp = warmUp;
    this.iterations = iterations;
    this.clientSgl = List.of(new NdkSge(CLIENT_BUFFER, bytes, TOKEN));
    this.serverSgl = List.of(new NdkSge(SERVER_BUFFER, bytes, TOKEN));
    this.flags = transfers.inline(caseIndex, testbed.hardware()) ? NdkOpFlag.INLINE.value() : 0;
  }

  /** Runs case {@code caseIndex} with {@code warmUp} then {@code iterations} rounds. */
  public static Outcome run(
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      int warmUp,
      int iterations,
      long seed,
      int replication) {
    NdkLatencyRun run = new NdkLatencyRun(testbed, transfers, caseIndex, warmUp, iterations);
    NdkHosts hosts =
        NdkHosts.builder(run.simulator)
            .names(List.of("server", "client1"))
            .profile(testbed.hardware())
            .hardware(
                HardwareConfig.of(testbed.hardware())
                    .withInterruptCosts(testbed.completion().costs()))
            .seed(new RandomStreams(seed, replication).stream("ndk").nextLong(Long.MAX_VALUE))
            .build();
    run.setUp(hosts, transfers.qpDepth(), transfers.cqDepth());
    run.loop();
    long measuredPs = run.measuredToPs - run.measuredFromPs;
    RunOutcome outcome =
        new RunOutcome(
            run.samples,
            run.samples.count(),
            measuredPs,
            transfers.sizeBytes(caseIndex),
            StageMeans.of(hosts.stats(), List.of("client1"), run.operation.opcode()),
            run.clientNotifications,
            run.clientNotifiedEntries,
            List.of(),
            List.of(),
            0,
            0,
            run.simulator.eventsExecuted());
    return new Outcome(outcome, run.verifier.violations().size());
  }

  private void setUp(NdkHosts hosts, int qpDepth, int cqDepth) {
    ProviderProbe probe = verifier.probe();
    for (int side = 0; side < 2; side++) {
      SimNdkProvider provider = hosts.provider(side);
      int index = side;
      provider.setObserver(NdkConsumerSetup.observer(probe, () -> entryQueued(index)));
      NdkProvider view = verifier.wrap(provider);
      NdkAdapter adapter =
          view.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).adapter();
      NdkFnCqNotificationCallback notified = interrupts ? (ctx, status) -> notified(index) : null;
      NdkCq cq = create(cb -> adapter.createCq(cqDepth, notified, null, null, cb, null));
      if (interrupts) {
        moderate(cq);
        cq.armCq(NdkCqNotificationType.ANY);
      }
      NdkPd pd = create(cb -> adapter.createPd(cb, null));
      cqs[side] = cq;
      String context = side == 0 ? "serverQp" : "clientQp";
      qps[side] =
          create(cb -> pd.createQp(cq, cq, context, qpDepth, qpDepth, 1, 1, inlineBytes, cb, null));
      hosts.node(side).rnic().setWriteLandedListener(qp -> landed(index == 0));
    }
    SimQp server = (SimQp) hosts.provider(0).objectWithHeader(qps[0].header());
    SimQp client = (SimQp) hosts.provider(1).objectWithHeader(qps[1].header());
    client.connectTo(server);
    simulator.runToEnd();
    if (operation == RdmaOperation.SEND) {
      for (int i = 0; i < qpDepth; i++) {
        require(qps[0].receive(RECEIVE, serverSgl), "receive");
        require(qps[1].receive(RECEIVE, clientSgl), "receive");
      }
    }
  }

  /** A spinning core sees a queued entry a cache-line transfer after it lands. */
  private void entryQueued(int side) {
    if (!interrupts && !pollScheduled[side]) {
      pollScheduled[side] = true;
      simulator.schedule(host.cqPollDetectPs(), () -> poll(side));
    }
  }

  /**
   * The CQ's notification: the consumer drains the CQ, re-arms it, and drains it once more, so a
   * completion that arrived between the last poll and the arm is not left waiting (ndkpi-spec 5).
   */
  private void notified(int side) {
    boolean counted = side == 1 && rounds >= warmUp;
    int drained = poll(side);
    cqs[side].armCq(NdkCqNotificationType.ANY);
    drained += poll(side);
    if (counted) {
      clientNotifications++;
      clientNotifiedEntries += drained;
    }
  }

  /** The study's static moderation, as NdkControlCqInterruptModeration sets it (whole us). */
  private void moderate(NdkCq cq) {
    CqModeration moderation = completion.moderation();
    long count = moderation.maxCount() == CqModeration.NO_LIMIT ? 0 : moderation.maxCount();
    long intervalUs =
        moderation.periodPs() == CqModeration.NO_LIMIT
            ? 0
            : moderation.periodPs() / SimTime.PS_PER_US;
    if (count > 1 || intervalUs > 0) {
      require(cq.controlCqInterruptModeration(intervalUs, count), "interrupt moderation");
    }
  }

  private void loop() {
    if (warmUp == 0) {
      measuredFromPs = simulator.nowPs();
    }
    post(false);
    simulator.runUntil(() -> rounds == warmUp + iterations);
    if (rounds < warmUp + iterations) {
      throw new IllegalStateException(
          "the NDK " + operation.label() + " loop stalled after " + rounds + " rounds");
    }
  }

  /** The client (or the server, answering) posts the round's message. */
  private void post(boolean fromServer) {
    NdkQp qp = qps[fromServer ? 0 : 1];
    List<NdkSge> sgl = fromServer ? serverSgl : clientSgl;
    long remote = fromServer ? CLIENT_BUFFER : SERVER_BUFFER;
    if (!fromServer) {
      // perftest stamps the round right before it posts.
      roundStartPs = simulator.nowPs();
    }
    NtStatus status =
        switch (operation) {
          case SEND -> qp.send(rounds, sgl, flags);
          case WRITE -> qp.write(rounds, sgl, remote, TOKEN, flags);
          case READ -> qp.read(rounds, sgl, remote, TOKEN, 0);
        };
    require(status, operation.label());
  }

  /** GetCqResults until the CQ is empty; each receive answers, each READ ends a round. */
  private int poll(int side) {
    pollScheduled[side] = false;
    boolean atServer = side == 0;
    int drained = 0;
    int n;
    while ((n = cqs[side].getCqResults(results)) > 0) {
      drained += n;
      for (int i = 0; i < n; i++) {
        NdkResult result = results[i];
        if (!NtStatus.SUCCESS.equals(result.status())) {
          throw new IllegalStateException("an NDK request failed: " + result.status());
        }
        if (RECEIVE.equals(result.requestContext())) {
          require(qps[side].receive(RECEIVE, atServer ? serverSgl : clientSgl), "receive");
          if (atServer) {
            post(true);
          } else {
            roundDone(simulator.nowPs());
          }
        } else if (operation == RdmaOperation.READ && !atServer) {
          roundDone(simulator.nowPs());
        }
      }
    }
    return drained;
  }

  /** A WRITE landed: the side polling its buffer sees the last byte a poll later. */
  private void landed(boolean atServer) {
    if (operation != RdmaOperation.WRITE) {
      return;
    }
    simulator.schedule(
        host.cqPollDetectPs(),
        () -> {
          if (atServer) {
            post(true);
          } else {
            roundDone(simulator.nowPs());
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

  private <T extends NdkObject> T create(Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    return NdkConsumerSetup.create(simulator, call);
  }

  private static void require(NtStatus status, String what) {
    NdkConsumerSetup.require(status, what);
  }
}
