package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.RnicWorkEngine;
import org.rnicsim.ndk.provider.work.WorkRequestEngine;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * One simulated host with the provider and an open adapter, plus helpers that drive the simulation
 * until a pending outcome arrives and record what the consumer saw, with simulated times.
 */
final class ProviderRig {
  final RnicSimulator sim;

  /** The datapath: the provider's own {@link RnicWorkEngine} unless one was given. */
  final WorkRequestEngine engine;

  final SimNdkProvider provider;

  /** The lifetime verifier between consumer and provider, or null for a direct rig. */
  final LifetimeVerifier verifier;

  /** The provider as the consumer sees it: wrapped by the verifier, or the provider itself. */
  final NdkProvider consumerView;

  final NdkAdapter adapter;

  /** Every callback start the provider announced: kind and modelled return time. */
  final List<Long> callbackReturnTimes = new ArrayList<>();

  final List<NdkResultEx> queuedEntries = new ArrayList<>();

  ProviderRig() {
    this(b -> {});
  }

  ProviderRig(ProviderPolicy policy) {
    this(b -> b.policy(policy));
  }

  ProviderRig(Consumer<SimNdkProvider.Builder> customise) {
    this(new RnicSimulator("ndk-provider-test"), customise);
  }

  ProviderRig(RnicSimulator sim, Consumer<SimNdkProvider.Builder> customise) {
    this(sim, null, customise);
  }

  ProviderRig(
      RnicSimulator sim, WorkRequestEngine engine, Consumer<SimNdkProvider.Builder> customise) {
    this(sim, engine, customise, null);
  }

  /** A rig whose consumer talks to the provider through the lifetime verifier. */
  static ProviderRig verified(RnicSimulator sim, Consumer<SimNdkProvider.Builder> customise) {
    return verified(sim, null, customise);
  }

  static ProviderRig verified(
      RnicSimulator sim, WorkRequestEngine engine, Consumer<SimNdkProvider.Builder> customise) {
    return new ProviderRig(sim, engine, customise, LifetimeVerifier.builder(sim::nowPs).build());
  }

  /** A rig behind {@code verifier}, which may wrap other providers (other hosts) too. */
  static ProviderRig verified(
      RnicSimulator sim,
      WorkRequestEngine engine,
      Consumer<SimNdkProvider.Builder> customise,
      LifetimeVerifier verifier) {
    return new ProviderRig(sim, engine, customise, verifier);
  }

  private ProviderRig(
      RnicSimulator sim,
      WorkRequestEngine engine,
      Consumer<SimNdkProvider.Builder> customise,
      LifetimeVerifier verifier) {
    this(sim, engine, build(sim, engine, customise), verifier);
  }

  /** A rig on a provider built elsewhere (one of {@link NdkHosts}' hosts). */
  static ProviderRig on(SimNdkProvider provider, LifetimeVerifier verifier) {
    return new ProviderRig(provider.simulator(), provider.runtime().engine(), provider, verifier);
  }

  /**
   * Broken variants every rig (and {@link TwoHosts}) built from now on gets unless its test sets
   * its own; {@link DedicatedTestsPinTheirInvariantsTest} runs the invariant tests under each.
   */
  static Set<ProviderMutation> injected = Set.of();

  private static SimNdkProvider build(
      RnicSimulator sim, WorkRequestEngine engine, Consumer<SimNdkProvider.Builder> customise) {
    SimNdkProvider.Builder builder = SimNdkProvider.builder(sim).engine(engine).mutations(injected);
    customise.accept(builder);
    return builder.build();
  }

  private ProviderRig(
      RnicSimulator sim,
      WorkRequestEngine engine,
      SimNdkProvider provider,
      LifetimeVerifier verifier) {
    this.sim = sim;
    this.engine = provider.runtime().engine();
    this.provider = provider;
    this.verifier = verifier;
    ProviderProbe probe = verifier != null ? verifier.probe() : ProviderProbe.NONE;
    probe.reportsCqEntries(); // the observer below forwards every entry
    this.consumerView = verifier != null ? verifier.wrap(provider) : provider;
    provider.setObserver(
        new ProviderObserver() {
          @Override
          public void callbackStarting(CallbackKind kind, long returnTimePs) {
            callbackReturnTimes.add(returnTimePs);
            probe.nextCallbackReturnsAt(returnTimePs);
          }

          @Override
          public void cqEntryQueued(NdkCq cq, NdkResultEx entry) {
            queuedEntries.add(entry);
            probe.cqEntryQueued(cq, entry);
          }

          @Override
          public void cqFailed(NdkCq cq, NtStatus status) {
            probe.cqFailed(cq, status);
          }
        });
    this.adapter =
        consumerView.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).adapter();
  }

  long now() {
    return sim.nowPs();
  }

  /** Closes the adapter the way the consumer must, through the provider it opened it from. */
  void closeAdapter() {
    consumerView.closeAdapter(adapter);
  }

  /** The provider's own object behind what the consumer holds (a verifier wrapper or itself). */
  @SuppressWarnings("unchecked")
  <T> T own(NdkObject object) {
    return (T) provider.objectWithHeader(object.header());
  }

  /** Runs until nothing is left to simulate. */
  void run() {
    sim.runToEnd();
  }

  /** Outcome of one create: the inline status, and what the callback delivered if it pended. */
  static final class Created<T extends NdkObject> {
    NtStatus inlineStatus;
    T inlineObject;
    int callbacks;
    NtStatus callbackStatus;
    NdkObject callbackObject;
    long callbackPs = -1;

    /** The object, however it came. */
    @SuppressWarnings("unchecked")
    T object() {
      return inlineObject != null ? inlineObject : (T) callbackObject;
    }
  }

  /** Calls a create and records how it completed (does not run the simulation). */
  <T extends NdkObject> Created<T> startCreate(
      Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    Created<T> created = new Created<>();
    NdkCreateResult<T> result =
        call.apply(
            (ctx, status, object) -> {
              created.callbacks++;
              created.callbackStatus = status;
              created.callbackObject = object;
              created.callbackPs = sim.nowPs();
            });
    created.inlineStatus = result.status();
    created.inlineObject = result.object();
    return created;
  }

  /** Creates an object and runs the simulation until it is delivered. */
  <T extends NdkObject> T create(Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    Created<T> created = startCreate(call);
    if (created.inlineStatus.isPending()) {
      sim.runUntil(() -> created.callbacks > 0);
      assertEquals(NtStatus.SUCCESS, created.callbackStatus, "async create failed");
    } else {
      assertEquals(NtStatus.SUCCESS, created.inlineStatus, "inline create failed");
    }
    T object = created.object();
    assertNotNull(object);
    return object;
  }

  NdkCq cq(long depth) {
    return cq(depth, null, null);
  }

  NdkCq cq(long depth, NdkFnCqNotificationCallback notification, Object context) {
    return create(cb -> adapter.createCq(depth, notification, context, null, cb, null));
  }

  NdkPd pd() {
    return create(cb -> adapter.createPd(cb, null));
  }

  /**
   * An MR on {@code pd}, registered over {@code bytes} at {@code address} with {@code flags};
   * checks that the registration succeeded and its completion got its request context back.
   */
  NdkMr registeredMr(NdkPd pd, long address, long bytes, int flags) {
    NdkMr mr = create(cb -> pd.createMr(false, cb, null));
    Object[] context = new Object[1];
    NtStatus[] status = new NtStatus[1];
    mr.registerMr(
        Mdl.of(address, bytes),
        bytes,
        flags,
        (ctx, s) -> {
          context[0] = ctx;
          status[0] = s;
        },
        "register");
    sim.runUntil(() -> status[0] != null);
    assertEquals(NtStatus.SUCCESS, status[0], "RegisterMr");
    assertEquals("register", context[0], "the completion gets its request context back");
    return mr;
  }

  /** The memory every test buffer and remote address lies in: {@code [0, TEST_MEMORY_BYTES)}. */
  static final long TEST_MEMORY_BYTES = 2L << 20;

  /** The tokens of {@link #testMemory}: the first MR a provider registers gets these. */
  static final int TEST_LOCAL_TOKEN = 0x100;

  static final int TEST_REMOTE_TOKEN = 0x101;

  /**
   * Registers the test memory on {@code pd} for local and remote access: posts that touch memory
   * must carry its tokens ({@link #TEST_LOCAL_TOKEN} in SGLs, {@link #TEST_REMOTE_TOKEN} as the
   * remote token), for the adapter refuses a token it holds no registration for. Call it before any
   * other MR or MW of the provider is created.
   */
  void testMemory(NdkPd pd) {
    int access =
        NdkMrFlag.mask(
            NdkMrFlag.ALLOW_LOCAL_WRITE, NdkMrFlag.ALLOW_REMOTE_READ, NdkMrFlag.ALLOW_REMOTE_WRITE);
    NdkMr mr = registeredMr(pd, 0, TEST_MEMORY_BYTES, access);
    assertEquals(TEST_LOCAL_TOKEN, mr.getLocalTokenFromMr(), "the provider's first MR");
    assertEquals(TEST_REMOTE_TOKEN, mr.getRemoteTokenFromMr(), "the provider's first MR");
  }

  /** As {@link #connectedPair}, on a new PD with the {@link #testMemory} registered. */
  SimQp[] connectedPairOverTestMemory(NdkCq cq) {
    NdkPd pd = pd();
    testMemory(pd);
    return connectedPair(pd, cq);
  }

  NdkQp qp(NdkPd pd, NdkCq cq, Object qpContext) {
    return create(cb -> pd.createQp(cq, cq, qpContext, 64, 64, 4, 4, 64, cb, null));
  }

  /** Outcome of one close. */
  static final class Closed {
    NtStatus status;
    int callbacks;
    long callbackPs = -1;

    boolean done() {
      return NtStatus.SUCCESS.equals(status) || callbacks > 0;
    }
  }

  /** Issues a close (does not run the simulation). */
  Closed close(NdkCloseableObject object) {
    Closed closed = new Closed();
    closed.status =
        object.closeObject(
            ctx -> {
              closed.callbacks++;
              closed.callbackPs = sim.nowPs();
            },
            null);
    return closed;
  }

  /** Closes an object and runs until the close is complete. */
  void closeAndWait(NdkCloseableObject object) {
    Closed closed = close(object);
    sim.runUntil(closed::done);
    assertTrue(closed.done(), "close of " + object + " never completed");
  }

  /**
   * Two QPs on one PD and CQ, connected to each other on this host's datapath (over the looped-back
   * port of its adapter).
   */
  SimQp[] connectedPair(NdkPd pd, NdkCq cq) {
    NdkQp consumerA = qp(pd, cq, "qpA");
    NdkQp consumerB = qp(pd, cq, "qpB");
    SimQp a = own(consumerA);
    SimQp b = own(consumerB);
    consumerQps.put(a, consumerA);
    consumerQps.put(b, consumerB);
    a.connectTo(b);
    return new SimQp[] {a, b};
  }

  /** The consumer's handle (a verifier wrapper, or the QP itself) of each provider QP. */
  final java.util.Map<SimQp, NdkQp> consumerQps = new java.util.IdentityHashMap<>();

  /** The latest modelled return time of any callback started so far. */
  long lastCallbackReturnPs() {
    return callbackReturnTimes.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
