package org.rnicsim.ndk.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;

/**
 * Two hosts making, using and tearing down connections at random: A connects to B's listener; B
 * accepts or rejects from inside the connect event; A completes from inside the Connect completion;
 * either side disconnects or closes its connector or QP at random, the listener may be closed or
 * paused; at the end everything is closed and both adapters closed. Audited like {@link
 * RandomProgram}, plus invariant 27 (no connect event after the listener's close was issued). In a
 * fifth of the programs one host's adapter is surprise-removed at a random step, so that connection
 * calls meet a removed adapter on either side (their own or the peer's).
 */
final class RandomConnectionProgram {
  private static final NdkSockAddr A = new NdkSockAddr(NdkHosts.ipAddressOf(0), 0);
  private static final NdkSockAddr B = new NdkSockAddr(NdkHosts.ipAddressOf(1), 4791);
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 128, 1));

  private final SimRandom random;
  final RnicSimulator sim = new RnicSimulator("random-connections");
  final LifetimeAudit audit = new LifetimeAudit(sim::nowPs);
  final NdkHosts hosts;
  private final ProviderRig a;
  private final ProviderRig b;
  private final ProviderPolicy policy;
  private NdkCq cqA;
  private NdkCq cqB;
  private NdkPd pdA;
  private NdkPd pdB;
  private NdkListener listener;
  private boolean listenerClosed;
  private final List<NdkCloseableObject> openA = new ArrayList<>();
  private final List<NdkCloseableObject> openB = new ArrayList<>();
  private final List<NdkConnector> connected = new ArrayList<>();
  boolean finished;
  // The step at which host removedHost's adapter is surprise-removed, or -1: none.
  private final int removalStep;
  private final int removedHost;
  private int steps;
  private long nextContext;
  int established;

  /** The verifier both hosts' consumers go through, or null. */
  final org.rnicsim.ndk.verifier.LifetimeVerifier verifier;

  RandomConnectionProgram(long seed) {
    this(seed, false);
  }

  /** With {@code verified}, both hosts' consumers reach their providers through one verifier. */
  RandomConnectionProgram(long seed, boolean verified) {
    verifier =
        verified ? org.rnicsim.ndk.verifier.LifetimeVerifier.builder(sim::nowPs).build() : null;
    random = new RandomStreams(seed, 0).stream("connections");
    // A stream of its own, so a program without a removal is the one it was before removals came.
    SimRandom faults = new RandomStreams(seed, 0).stream("removal");
    removalStep = faults.bernoulli(0.2) ? (int) faults.nextLong(60) : -1;
    removedHost = (int) faults.nextLong(2);
    // QPs are created inline: the program makes them inside events and callbacks, where it must
    // not run the simulation forward to wait for a create completion.
    ProviderPolicy p =
        ProviderPolicy.defaults()
            .withCreatePath(org.rnicsim.ndk.api.constant.NdkObjectType.QP, ControlPath.INLINE);
    for (CallbackKind kind : CallbackKind.values()) {
      p = p.withCallbackCostPs(kind, random.uniformLong(0, 4 * SimTime.PS_PER_US));
    }
    policy = p;
    // CM messages travel as MADs over the cable between the hosts (NdkHosts' fabric).
    hosts =
        NdkHosts.builder(sim)
            .names(List.of("a", "b"))
            .seed(seed)
            .customise((host, builder) -> builder.policy(policy))
            .build();
    a = ProviderRig.on(hosts.provider(0), verifier);
    b = ProviderRig.on(hosts.provider(1), verifier);
  }

  void run(int steps) {
    cqA = a.cq(1024);
    cqB = b.cq(1024);
    pdA = a.pd();
    pdB = b.pd();
    openA.addAll(List.of(cqA, pdA));
    openB.addAll(List.of(cqB, pdB));
    listener = b.create(cb -> b.adapter.createListener(this::onConnectEvent, null, cb, null));
    openB.add(listener);
    listener.listen(B, (c, s) -> {}, null);
    long t = sim.nowPs();
    for (int i = 0; i < steps; i++) {
      t += random.uniformLong(0, 15 * SimTime.PS_PER_US);
      sim.scheduleAt(t, this::step);
    }
    sim.scheduleAt(t + SimTime.PS_PER_US, this::finish);
    sim.runToEnd();
  }

  private long cost(CallbackKind kind) {
    return policy.callbackCostPs(kind);
  }

  private void step() {
    if (steps++ == removalStep) {
      hosts.provider(removedHost).surpriseRemoval();
      return;
    }
    switch ((int) random.nextLong(8)) {
      case 0, 1, 2 -> connect();
      case 3 -> {
        NdkConnector c = pick(connected);
        if (c != null) {
          connected.remove(c);
          request(c, cb -> c.disconnect(cb, null));
        }
      }
      case 4 -> {
        NdkConnector c = pick(connected);
        NdkQp qp = c == null ? null : qpOf(c);
        if (qp != null && (openA.contains(qp) || openB.contains(qp))) {
          c.getConnectionData(null);
          qp.send("s" + nextContext++, SGL, 0);
        }
      }
      case 5 -> {
        if (!listenerClosed && random.bernoulli(0.3)) {
          listener.controlConnectEvents(random.bernoulli(0.5));
        }
      }
      default -> {
        List<NdkCloseableObject> side = random.bernoulli(0.5) ? openA : openB;
        NdkCloseableObject victim = pick(side);
        boolean shared = victim == cqA || victim == cqB || victim == pdA || victim == pdB;
        if (victim != null && !shared && random.bernoulli(0.5)) {
          close(side, victim);
        }
      }
    }
  }

  private final java.util.Map<Object, NdkQp> qps = new java.util.IdentityHashMap<>();

  private NdkQp qpOf(NdkConnector c) {
    return qps.get(c);
  }

  private void connect() {
    NdkQp qp = a.qp(pdA, cqA, "a");
    NdkConnector connector = a.create(cb -> a.adapter.createConnector(cb, null));
    audit.delivered(qp, List.of(pdA, cqA));
    audit.delivered(connector, List.of(qp));
    openA.add(qp);
    openA.add(connector);
    qps.put(connector, qp);
    request(
        connector,
        cb ->
            connector.connect(
                qp,
                A,
                B,
                4,
                4,
                new byte[] {1},
                (ctx, status) -> {
                  cb.requestCompletion(ctx, status);
                  if (NtStatus.SUCCESS.equals(status) && openA.contains(connector)) {
                    request(
                        connector,
                        done ->
                            connector.completeConnect(
                                x ->
                                    audit.callbackStarts(
                                        connector,
                                        "disconnect event",
                                        cost(CallbackKind.DISCONNECT_EVENT)),
                                null,
                                (c2, s2) -> {
                                  done.requestCompletion(c2, s2);
                                  if (NtStatus.SUCCESS.equals(s2) && openA.contains(connector)) {
                                    established++;
                                    connected.add(connector);
                                  }
                                },
                                null));
                  }
                },
                null));
  }

  private void onConnectEvent(Object context, NdkConnector passive) {
    if (listenerClosed) {
      audit.violations().add("invariant 27: connect event after the listener's close was issued");
    }
    audit.delivered(passive, List.of(listener));
    audit.callbackStarts(listener, "connect event", cost(CallbackKind.CONNECT_EVENT));
    audit.callbackStarts(passive, "connect event", cost(CallbackKind.CONNECT_EVENT));
    openB.add(passive);
    if (random.bernoulli(0.2)) {
      passive.reject(null);
      return;
    }
    NdkQp qp = b.qp(pdB, cqB, "b");
    audit.delivered(qp, List.of(pdB, cqB));
    openB.add(qp);
    qps.put(passive, qp);
    request(
        passive,
        cb ->
            passive.accept(
                qp,
                4,
                4,
                null,
                x ->
                    audit.callbackStarts(
                        passive, "disconnect event", cost(CallbackKind.DISCONNECT_EVENT)),
                null,
                (c, s) -> {
                  cb.requestCompletion(c, s);
                  if (NtStatus.SUCCESS.equals(s) && openB.contains(passive)) {
                    connected.add(passive);
                  }
                },
                null));
  }

  private void request(Object object, Function<NdkFnRequestCompletion, NtStatus> call) {
    int[] callbacks = new int[1];
    NtStatus status =
        call.apply(
            (ctx, s) -> {
              callbacks[0]++;
              audit.requestCompletes(
                  object, "request", cost(CallbackKind.REQUEST_COMPLETION), callbacks[0]);
            });
    audit.requestReturned(object, status);
  }

  private void close(List<NdkCloseableObject> side, NdkCloseableObject object) {
    if (!side.remove(object)) {
      return;
    }
    connected.remove(object);
    if (object == listener) {
      listenerClosed = true;
    }
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

  private <T> T pick(List<T> values) {
    return values.isEmpty() ? null : values.get((int) random.nextLong(values.size()));
  }

  private void finish() {
    // Connect events may still arrive while the adapters close: the handler closes what it gets.
    while (!openA.isEmpty() || !openB.isEmpty()) {
      List<NdkCloseableObject> side = openA.isEmpty() ? openB : openA;
      close(side, pick(side));
    }
    a.closeAdapter();
    while (!openB.isEmpty()) {
      close(openB, pick(openB));
    }
    b.closeAdapter();
    finished = true;
  }
}
