package org.rnicsim.ndk.provider;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * A random, well-formed consumer program: random object trees, requests, posts, arms, flushes and
 * closes in any order (antecedents before successors included) at random simulated times, over a
 * provider with random create/close paths, callback costs and firmware latencies; then it closes
 * whatever is left and closes the adapter. Every outcome goes through a {@link LifetimeAudit}.
 *
 * <p>Half of the programs also suffer hardware faults: firmware commands that the adapter fails
 * asynchronously (INSUFFICIENT_RESOURCES, which ndkpi-spec 2 allows on every create and request),
 * and in some of those a surprise removal of the adapter at a random step, after which every object
 * must still close (a close cannot fail, ndkpi-spec 3) and the adapter close must return.
 */
final class RandomProgram {
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 256, 1));

  /**
   * Commands the adapter may fail: creates and the commands behind requests. Destroys are left out:
   * ndkpi-spec 3 gives a close no way to fail, so a failed destroy is not a program's fault to
   * survive but a provider bug.
   */
  private static final List<FirmwareCommandKind> FAILABLE_COMMANDS =
      List.of(
          FirmwareCommandKind.CREATE_CQ,
          FirmwareCommandKind.CREATE_QP,
          FirmwareCommandKind.CREATE_SRQ,
          FirmwareCommandKind.REGISTER_MR,
          FirmwareCommandKind.RESIZE_CQ,
          FirmwareCommandKind.MODIFY_SRQ);

  private final SimRandom random;
  private final ProviderPolicy policy;
  private final boolean faulty;
  private final int removalStep;
  final RnicSimulator sim = new RnicSimulator("random-program");
  final ProviderRig rig;
  final LifetimeAudit audit = new LifetimeAudit(sim::nowPs);
  private final List<NdkCq> cqs = new ArrayList<>();
  private final List<NdkPd> pds = new ArrayList<>();
  private final List<NdkMr> mrs = new ArrayList<>();
  private final List<NdkMw> mws = new ArrayList<>();
  private final List<NdkSrq> srqs = new ArrayList<>();
  private final List<NdkQp> qps = new ArrayList<>();
  private final List<NdkCloseableObject> open = new ArrayList<>();
  private boolean finalPhase;
  boolean adapterClosed;
  int steps;

  /** Firmware failures injected and whether the adapter was surprise-removed, for reports. */
  int injectedFailures;

  boolean surpriseRemoved;
  private long nextContext;
  final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();

  RandomProgram(long seed) {
    this(seed, false);
  }

  /** With {@code verified}, the consumer reaches the provider through the lifetime verifier. */
  RandomProgram(long seed, boolean verified) {
    this.random = new RandomStreams(seed, 0).stream("program");
    ProviderPolicy p = ProviderPolicy.defaults();
    for (NdkObjectType kind : ProviderPolicy.FIRMWARE_KINDS) {
      p =
          p.withCreatePath(kind, pick(ControlPath.values()))
              .withClosePath(kind, pick(ControlPath.values()));
    }
    for (CallbackKind kind : CallbackKind.values()) {
      p = p.withCallbackCostPs(kind, random.uniformLong(0, 5 * SimTime.PS_PER_US));
    }
    this.policy = p;
    this.faulty = random.bernoulli(0.5);
    // A removal, when it comes, comes after the first tree is built (step 14) so that it meets
    // live objects, pending creates and outstanding requests.
    this.removalStep = faulty && random.bernoulli(0.3) ? 14 + (int) random.nextLong(60) : -1;
    FirmwareConfig firmware = ReferenceProfiles.connectX4EdrGen3x16().firmware().config();
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      firmware =
          firmware.withLatency(
              kind, new CommandLatency.Uniform(SimTime.PS_PER_US, 50 * SimTime.PS_PER_US));
    }
    HardwareConfig hardware =
        HardwareConfig.assumedDefaults()
            .withFirmware(firmware)
            .withCoreCount(1 + (int) random.nextLong(4));
    java.util.function.Consumer<SimNdkProvider.Builder> setup =
        b -> b.policy(policy).hardware(hardware).seed(seed, 0);
    this.rig = verified ? ProviderRig.verified(sim, setup) : new ProviderRig(sim, setup);
  }

  private <T> T pick(T[] values) {
    return values[(int) random.nextLong(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.isEmpty() ? null : values.get((int) random.nextLong(values.size()));
  }

  private long cost(CallbackKind kind) {
    return policy.callbackCostPs(kind);
  }

  /** Runs {@code stepCount} random steps, then the final clean-up. */
  void run(int stepCount) {
    long t = 0;
    for (int i = 0; i < stepCount; i++) {
      t += random.uniformLong(0, 20 * SimTime.PS_PER_US);
      sim.scheduleAt(t, this::step);
    }
    sim.scheduleAt(t + SimTime.PS_PER_US, this::finish);
    sim.runToEnd();
  }

  private void step() {
    steps++;
    if (faulty && steps > 4) {
      injectFaults();
    }
    // The first steps build a tree to work on: CQs and PDs, then QPs, then connections.
    int action =
        steps <= 4
            ? (steps % 2 == 0 ? 0 : 1)
            : steps <= 10 ? 5 : steps <= 13 ? 7 : (int) random.nextLong(22);
    switch (action) {
      case 0, 13 -> createCq();
      case 1 -> create(null, rig.adapter::createPd, pds, List.of(rig.adapter));
      case 2 -> {
        NdkPd pd = pick(pds);
        if (pd != null) {
          boolean fast = random.bernoulli(0.3);
          create(pd, (cb, ctx) -> pd.createMr(fast, cb, ctx), mrs, List.of(pd));
        }
      }
      case 3 -> {
        NdkPd pd = pick(pds);
        if (pd != null) {
          create(pd, pd::createMw, mws, List.of(pd));
        }
      }
      case 4 -> {
        NdkPd pd = pick(pds);
        if (pd != null) {
          create(
              pd,
              (cb, ctx) -> pd.createSrq(32, 2, 0, null, null, null, cb, ctx),
              srqs,
              List.of(pd));
        }
      }
      case 5, 6 -> createQp();
      case 7, 14 -> connectPair();
      case 8, 9, 15, 16, 17 -> post();
      case 10, 18 -> armOrPoll();
      case 11, 19 -> request();
      case 12 -> {
        NdkQp qp = pick(qps);
        if (qp != null) {
          qp.flush();
        }
      }
      case 20 -> close(pick(open));
      default -> {
        if (random.bernoulli(0.5)) {
          close(pick(open));
        }
      }
    }
  }

  /** The hardware side of the program: firmware failures and a surprise removal (see above). */
  private void injectFaults() {
    if (steps == removalStep && !surpriseRemoved) {
      surpriseRemoved = true;
      rig.provider.surpriseRemoval();
      return;
    }
    if (random.bernoulli(0.05)) {
      FirmwareCommandKind kind = pick(FAILABLE_COMMANDS);
      rig.provider.runtime().firmware().failNext(kind, NtStatus.INSUFFICIENT_RESOURCES);
      injectedFailures++;
    }
  }

  private interface CreateCall<T extends NdkObject> {
    NdkCreateResult<T> create(NdkFnCreateCompletion completion, Object context);
  }

  private <T extends NdkObject> void create(
      Object parent, CreateCall<T> call, List<T> pool, List<? extends Object> antecedents) {
    int[] callbacks = new int[1];
    NdkCreateResult<T> result =
        call.create(
            (ctx, status, object) -> {
              callbacks[0]++;
              if (callbacks[0] > 1) {
                audit.violations().add("invariant 1: create completed twice");
              }
              outcomes.merge("async create " + status.name(), 1, Integer::sum);
              if (NtStatus.SUCCESS.equals(status)) {
                @SuppressWarnings("unchecked")
                T made = (T) object;
                adopt(made, pool, antecedents);
                audit.callbackStarts(
                    made, "create completion", cost(CallbackKind.CREATE_COMPLETION));
                if (finalPhase) {
                  close((NdkCloseableObject) made);
                }
              } else if (object != null) {
                audit.violations().add("invariant 3: failed create delivered " + object);
              }
            },
            null);
    outcomes.merge("create " + result.status().name(), 1, Integer::sum);
    if (result.isSuccess()) {
      adopt(result.object(), pool, antecedents);
    } else if (!result.isPending() && callbacks[0] > 0) {
      audit.violations().add("invariant 1: inline failure ran its callback");
    }
  }

  private <T extends NdkObject> void adopt(T object, List<T> pool, List<? extends Object> ante) {
    if (object == null) { // nothing to close: keeping it would make finish() loop forever
      audit.violations().add("invariant 2: a create succeeded but delivered no object");
      return;
    }
    audit.delivered(object, ante);
    pool.add(object);
    open.add((NdkCloseableObject) object);
  }

  private void createCq() {
    NdkCq[] self = new NdkCq[1];
    CreateCall<NdkCq> call =
        (cb, ctx) ->
            rig.adapter.createCq(
                // Big enough never to overflow: an overflow on an unarmed CQ is reported to nobody,
                // and its dropped entries would look lost to any observer of the program.
                4096,
                (c, status) -> onNotification(self[0]),
                null,
                null,
                (context, status, object) -> {
                  self[0] = (NdkCq) object;
                  cb.createCompletion(context, status, object);
                },
                ctx);
    int before = cqs.size();
    create(null, call, cqs, List.of(rig.adapter));
    if (cqs.size() > before) {
      self[0] = cqs.get(cqs.size() - 1);
    }
  }

  private void onNotification(NdkCq cq) {
    audit.callbackStarts(cq, "notification", cost(CallbackKind.CQ_NOTIFICATION));
    if (!open.contains(cq)) {
      return;
    }
    cq.getCqResults(new NdkResult[(int) random.nextLong(8) + 1]);
    if (random.bernoulli(0.1)) {
      close(cq); // from inside its own notification
    } else if (random.bernoulli(0.7)) {
      cq.armCq(pick(NdkCqNotificationType.values()));
    }
  }

  private void createQp() {
    NdkPd pd = pick(pds);
    NdkCq cq = pick(cqs);
    if (pd == null || cq == null) {
      return;
    }
    NdkSrq srq = random.bernoulli(0.3) ? pick(srqs) : null;
    if (srq != null
        && rig.<org.rnicsim.ndk.provider.queue.SimSrq>own(srq).pd() != rig.<Object>own(pd)) {
      srq = null;
    }
    NdkSrq chosen = srq;
    List<Object> ante = chosen == null ? List.of(pd, cq) : List.of(pd, cq, chosen);
    create(
        pd,
        (cb, ctx) ->
            chosen == null
                ? pd.createQp(cq, cq, "qp", 16, 16, 2, 2, 64, cb, ctx)
                : pd.createQpWithSrq(cq, cq, chosen, "qp", 16, 2, 64, cb, ctx),
        qps,
        ante);
  }

  private void connectPair() {
    List<SimQp> free =
        qps.stream().map(q -> rig.<SimQp>own(q)).filter(q -> !q.isConnected()).toList();
    if (free.size() >= 2) {
      free.get(0).connectTo(free.get(1));
    }
  }

  /**
   * A chain of 0-3 DEFER initiator posts ended by one without DEFER (the consumer's side of
   * ndkpi-spec 6), or a receive.
   */
  private void post() {
    List<NdkQp> connected = qps.stream().filter(q -> rig.<SimQp>own(q).isConnected()).toList();
    NdkQp qp = random.bernoulli(0.9) ? pick(connected) : pick(qps);
    if (qp == null) {
      return;
    }
    if (random.bernoulli(0.25)) {
      outcomes.merge("post " + qp.receive("r" + nextContext++, SGL).name(), 1, Integer::sum);
      return;
    }
    long deferred = random.nextLong(4);
    for (int i = 0; i <= deferred; i++) {
      int flags = i < deferred ? NdkOpFlag.DEFER.value() : 0;
      if (random.bernoulli(0.2)) {
        flags |= NdkOpFlag.SILENT_SUCCESS.value();
      }
      NtStatus status =
          switch ((int) random.nextLong(3)) {
            case 0 -> qp.send("s" + nextContext++, SGL, flags);
            case 1 -> qp.write("w" + nextContext++, SGL, 0, 1, flags);
            default -> qp.read("rd" + nextContext++, SGL, 0, 1, flags);
          };
      outcomes.merge("post " + status.name(), 1, Integer::sum);
      if (!NtStatus.SUCCESS.equals(status)) {
        return; // an inline failure ends the chain (the provider pushes what came before)
      }
    }
  }

  private void armOrPoll() {
    NdkCq cq = pick(cqs);
    if (cq == null) {
      return;
    }
    if (random.bernoulli(0.5)) {
      cq.armCq(pick(NdkCqNotificationType.values()));
    } else {
      cq.getCqResults(new NdkResult[4]);
    }
  }

  private void request() {
    switch ((int) random.nextLong(3)) {
      case 0 -> {
        NdkMr mr = pick(mrs);
        if (mr != null) {
          trackRequest(
              mr,
              cb ->
                  random.bernoulli(0.5)
                      ? mr.registerMr(Mdl.of(0x10000, 8192), 8192, 0, cb, null)
                      : mr.initializeFastRegisterMr(4, false, cb, null));
        }
      }
      case 1 -> {
        NdkCq cq = pick(cqs);
        if (cq != null) {
          trackRequest(cq, cb -> cq.resizeCq(64 + random.nextLong(64), cb, null));
        }
      }
      default -> {
        NdkSrq srq = pick(srqs);
        if (srq != null) {
          trackRequest(srq, cb -> srq.modifySrq(random.nextLong(2) * 64, 0, cb, null));
        }
      }
    }
  }

  private void trackRequest(
      Object object,
      java.util.function.Function<org.rnicsim.ndk.api.NdkFnRequestCompletion, NtStatus> call) {
    int[] callbacks = new int[1];
    NtStatus status =
        call.apply(
            (ctx, s) -> {
              callbacks[0]++;
              audit.requestCompletes(
                  object, "request", cost(CallbackKind.REQUEST_COMPLETION), callbacks[0]);
              if (random.bernoulli(0.2) && object instanceof NdkCloseableObject closeable) {
                close(closeable); // from inside the request's completion
              }
            });
    audit.requestReturned(object, status);
    if (!status.isPending() && callbacks[0] > 0) {
      audit.violations().add("invariant 12: a request returning " + status + " called back");
    }
  }

  private void close(NdkCloseableObject object) {
    if (object == null || !open.remove(object)) {
      return;
    }
    cqs.remove(object);
    pds.remove(object);
    mrs.remove(object);
    mws.remove(object);
    srqs.remove(object);
    qps.remove(object);
    int[] callbacks = new int[1];
    NtStatus status =
        object.closeObject(
            ctx -> {
              callbacks[0]++;
              audit.closeCallback(object, cost(CallbackKind.CLOSE_COMPLETION), callbacks[0]);
            },
            null);
    audit.closeReturned(object, status);
  }

  private void finish() {
    finalPhase = true;
    while (!open.isEmpty()) {
      close(pick(open));
    }
    rig.closeAdapter();
    adapterClosed = true;
  }
}
