package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.experiments.study.CompletionPlan;
import org.rnicsim.experiments.study.CompletionSection;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMr;
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
 * The two NDK consumers every {@code api: ndk} loop runs, a server (side 0) and a client (side 1)
 * back to back, each with one CQ, one PD and one QP opened through the simulated provider under the
 * lifetime verifier, the QPs joined on the datapath directly (connection setup is not what a loop
 * measures). Each consumer busy-polls its CQ with GetCqResults (it sees an entry a cache-line
 * transfer after the provider queues it) or, when completions are interrupts, arms it and drains it
 * in its CQ notification (with the study's static moderation). A receive that completes is posted
 * again as the loop hears of it, so a sender never meets an empty receive queue unless its peer
 * falls behind. Posts are NdkSend, NdkWrite or NdkRead, each paying the provider's post cost.
 */
final class NdkConsumerPair {
  static final int SERVER = 0;
  static final int CLIENT = 1;

  /** The request context of every receive, telling its completions from the initiator's. */
  static final String RECEIVE = "receive";

  private static final long CLIENT_BUFFER = 0x10_0000;
  private static final long SERVER_BUFFER = 0x80_0000;

  /** What a loop does with each completion its consumer polls, after the checks. */
  interface Handler {
    void completed(int side, NdkResult result);
  }

  private final RnicSimulator simulator;
  private final LifetimeVerifier verifier;
  private final HostProfile host;
  private final CompletionPlan completion;
  private final boolean interrupts;
  private final RdmaOperation operation;
  private final long bytes;
  // Each side's buffer is an MR of its own: the SGLs carry its local token, the peer its remote
  // one.
  private final List<List<NdkSge>> sgls = new ArrayList<>(List.of(List.of(), List.of()));
  private final int[] remoteTokens = new int[2];
  private final int flags;
  private final NdkQp[] qps = new NdkQp[2];
  private final NdkCq[] cqs = new NdkCq[2];
  private final boolean[] pollScheduled = new boolean[2];
  private final NdkResult[] results = new NdkResult[16];
  private final CpuCore[] pollCores = new CpuCore[2];
  private Handler handler;
  private BooleanSupplier counting = () -> false;
  private NdkHosts hosts;
  private long clientNotifications;
  private long clientNotifiedEntries;

  private NdkConsumerPair(String name, TestbedPlan testbed, Transfers transfers, int caseIndex) {
    this.operation = transfers.operation(caseIndex);
    this.bytes = transfers.sizeBytes(caseIndex);
    this.simulator = new RnicSimulator(name + "-" + operation.label() + "-" + bytes + "B");
    this.verifier = LifetimeVerifier.builder(simulator::nowPs).build();
    this.host = testbed.hardware().host();
    this.completion = testbed.completion();
    this.interrupts = completion.mode() == CompletionSection.Mode.INTERRUPTS;
    this.flags = transfers.inline(caseIndex, testbed.hardware()) ? NdkOpFlag.INLINE.value() : 0;
  }

  /**
   * The pair for case {@code caseIndex}, set up and settled, handing every completion it polls to
   * {@code handler}.
   */
  static NdkConsumerPair open(
      String name,
      TestbedPlan testbed,
      Transfers transfers,
      int caseIndex,
      long seed,
      int replication,
      Handler handler) {
    NdkConsumerPair pair = new NdkConsumerPair(name, testbed, transfers, caseIndex);
    pair.handler = handler;
    pair.hosts =
        NdkHosts.builder(pair.simulator)
            .names(List.of("server", "client1"))
            .profile(testbed.hardware())
            .hardware(
                HardwareConfig.of(testbed.hardware())
                    .withInterruptCosts(testbed.completion().costs()))
            .seed(new RandomStreams(seed, replication).stream("ndk").nextLong(Long.MAX_VALUE))
            .build();
    pair.setUp(
        transfers.qpDepth(), transfers.cqDepth(), testbed.hardware().adapter().maxInlineBytes());
    return pair;
  }

  private void setUp(int qpDepth, int cqDepth, long inlineBytes) {
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
      long buffer = bufferOf(side);
      NdkMr mr = NdkConsumerSetup.registerMr(simulator, pd, buffer, Math.max(1, bytes));
      sgls.set(side, List.of(new NdkSge(buffer, bytes, mr.getLocalTokenFromMr())));
      remoteTokens[side] = mr.getRemoteTokenFromMr();
      cqs[side] = cq;
      String context = side == SERVER ? "serverQp" : "clientQp";
      qps[side] =
          create(cb -> pd.createQp(cq, cq, context, qpDepth, qpDepth, 1, 1, inlineBytes, cb, null));
    }
    SimQp server = (SimQp) hosts.provider(SERVER).objectWithHeader(qps[SERVER].header());
    SimQp client = (SimQp) hosts.provider(CLIENT).objectWithHeader(qps[CLIENT].header());
    client.connectTo(server);
    simulator.runToEnd();
  }

  /** Fills {@code side}'s receive queue ({@code qpDepth} receives), for SEND traffic. */
  void fillReceives(int side, int qpDepth) {
    for (int i = 0; i < qpDepth; i++) {
      receive(side);
    }
  }

  /**
   * From now on each consumer is a thread on core 0 of its host that pays for each poll finding
   * entries ({@code cqPollDetect}) and each receive it posts again ({@code postRecvCpu}) on that
   * core, so its posts queue behind its polls, as the hardware loops' threads do: what a loop that
   * keeps many requests in flight is bound by.
   */
  void pollOnCores() {
    for (int side = 0; side < 2; side++) {
      pollCores[side] = core(side);
    }
  }

  /** Core 0 of {@code side}'s host, where its consumer thread runs. */
  CpuCore core(int side) {
    return hosts.node(side).host().core(0);
  }

  /** The consumer's CPU time of one post call. */
  long postCpuPs() {
    return host.postSendCpuPs();
  }

  /** From now on, the client's CQ notifications count while {@code value} says so. */
  void countNotificationsWhile(BooleanSupplier value) {
    this.counting = value;
  }

  RnicSimulator simulator() {
    return simulator;
  }

  NdkHosts hosts() {
    return hosts;
  }

  StatisticsRegistry stats() {
    return hosts.stats();
  }

  RdmaOperation operation() {
    return operation;
  }

  long bytes() {
    return bytes;
  }

  /** A spinning core's delay between a write to memory and its seeing it. */
  long pollDetectPs() {
    return host.cqPollDetectPs();
  }

  /** {@code side} posts the case's operation toward its peer, with {@code context}. */
  void post(int side, Object context) {
    post(side, context, false);
  }

  /**
   * As {@link #post(int, Object)}; with {@code defer} the post only writes its WQE and the next
   * post without it rings one doorbell for both (NDK_OP_FLAG_DEFER, invariants 21, 22).
   */
  void post(int side, Object context, boolean defer) {
    int flags = defer ? this.flags | NdkOpFlag.DEFER.value() : this.flags;
    int peer = 1 - side;
    NdkQp qp = qps[side];
    List<NdkSge> sgl = sgls.get(side);
    long remote = bufferOf(peer);
    int token = remoteTokens[peer];
    NtStatus status =
        switch (operation) {
          case SEND -> qp.send(context, sgl, flags);
          case WRITE -> qp.write(context, sgl, remote, token, flags);
          case READ -> qp.read(context, sgl, remote, token, defer ? NdkOpFlag.DEFER.value() : 0);
        };
    NdkConsumerSetup.require(status, operation.label());
  }

  /** What the job measured, from the loop's own figures and the pair's notifications and stages. */
  NdkOutcome outcome(
      LatencySamples samples,
      long operations,
      long measuredPs,
      List<Double> inFlight,
      List<Double> outstandingWqes,
      long droppedArrivals) {
    RunOutcome run =
        new RunOutcome(
            samples,
            operations,
            measuredPs,
            bytes,
            StageMeans.of(hosts.stats(), List.of("client1"), operation.opcode()),
            clientNotifications,
            clientNotifiedEntries,
            inFlight,
            outstandingWqes,
            droppedArrivals,
            0,
            simulator.eventsExecuted(),
            List.of());
    return new NdkOutcome(run, verifier.violations().size());
  }

  /**
   * Posts a receive again: at once, or once {@link #pollOnCores} after {@code postRecvCpu} on the
   * consumer's core, as the hardware loops' server thread pays it.
   */
  private void repost(int side) {
    if (pollCores[side] == null) {
      receive(side);
    } else {
      pollCores[side].submit(
          new CpuCore.Work(CpuWorkKind.POST, host.postRecvCpuPs(), () -> {}, () -> receive(side)));
    }
  }

  private void receive(int side) {
    NdkConsumerSetup.require(qps[side].receive(RECEIVE, sgls.get(side)), "receive");
  }

  /**
   * A spinning core sees a queued entry a cache-line transfer after it lands (on its own core once
   * {@link #pollOnCores}).
   */
  private void entryQueued(int side) {
    if (interrupts || pollScheduled[side]) {
      return;
    }
    pollScheduled[side] = true;
    if (pollCores[side] == null) {
      simulator.schedule(host.cqPollDetectPs(), () -> poll(side));
    } else {
      pollCores[side].submit(
          new CpuCore.Work(
              CpuWorkKind.CONSUMER, host.cqPollDetectPs(), () -> {}, () -> poll(side)));
    }
  }

  /**
   * The CQ's notification: the consumer drains the CQ, re-arms it, and drains it once more, so a
   * completion that arrived between the last poll and the arm is not left waiting (ndkpi-spec 5).
   */
  private void notified(int side) {
    boolean counted = side == CLIENT && counting.getAsBoolean();
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
      NdkConsumerSetup.require(
          cq.controlCqInterruptModeration(intervalUs, count), "interrupt moderation");
    }
  }

  /** GetCqResults until the CQ is empty; each receive is posted again before the loop hears. */
  private int poll(int side) {
    pollScheduled[side] = false;
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
          repost(side);
        }
        handler.completed(side, result);
      }
    }
    return drained;
  }

  private static long bufferOf(int side) {
    return side == SERVER ? SERVER_BUFFER : CLIENT_BUFFER;
  }

  private <T extends NdkObject> T create(Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    return NdkConsumerSetup.create(simulator, call);
  }
}
