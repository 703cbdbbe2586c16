package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.connection.ConnectionFabric;
import org.rnicsim.ndk.provider.connection.SimConnections;
import org.rnicsim.ndk.provider.work.LoopbackTiming;
import org.rnicsim.ndk.provider.work.LoopbackWorkEngine;

/** Two hosts, each a provider with an adapter, on one simulator, datapath and CM fabric. */
final class TwoHosts {
  static final long MESSAGE_PS = 5 * SimTime.PS_PER_US;
  static final NdkSockAddr A = NdkSockAddr.of("10.0.0.1", 0);
  static final NdkSockAddr B = NdkSockAddr.of("10.0.0.2", 4791);

  final RnicSimulator sim;
  final LoopbackWorkEngine engine;
  final ConnectionFabric fabric;
  final ProviderRig a;
  final ProviderRig b;

  /** The adapter nodes under a packet fabric, or null on the fixed-latency one. */
  final AdapterPair nodes;

  /** One side's objects. */
  static final class Side {
    NdkCq cq;
    NdkPd pd;
    NdkQp qp;
    NdkConnector connector;
    final List<NtStatus> completions = new ArrayList<>();
    final List<Long> disconnectEvents = new ArrayList<>();
  }

  final Side active = new Side();
  final Side passive = new Side();
  NdkListener listener;
  final List<NdkConnector> connectEvents = new ArrayList<>();

  TwoHosts() {
    this(null);
  }

  /** Both providers on adapter nodes cabled back to back; CM messages travel as packets. */
  static TwoHosts overAdapters() {
    return new TwoHosts(new AdapterPair("two-hosts-over-adapters", 1, CmRetries.assumedDefault()));
  }

  TwoHosts(AdapterPair pair) {
    this.nodes = pair;
    this.sim = pair == null ? new RnicSimulator("two-hosts") : pair.sim;
    this.engine = new LoopbackWorkEngine(sim, LoopbackTiming.assumedDefault());
    this.fabric = pair == null ? new ConnectionFabric(sim, MESSAGE_PS) : pair.fabric;
    this.a = new ProviderRig(sim, engine, x -> wire(x.name("nicA"), 0, A));
    this.b = new ProviderRig(sim, engine, x -> wire(x.name("nicB"), 1, B));
    for (Side side : List.of(active, passive)) {
      ProviderRig rig = side == active ? a : b;
      side.cq = rig.cq(256);
      side.pd = rig.pd();
      side.qp = rig.qp(side.pd, side.cq, side == active ? "activeQp" : "passiveQp");
    }
    listener =
        b.create(cb -> b.adapter.createListener((ctx, c) -> connectEvents.add(c), null, cb, null));
    assertEquals(NtStatus.SUCCESS, listener.listen(B, (c, s) -> {}, null));
    active.connector = a.create(cb -> a.adapter.createConnector(cb, null));
  }

  private void wire(SimNdkProvider.Builder builder, int side, NdkSockAddr address) {
    if (nodes == null) {
      builder.connections(new SimConnections(fabric, address.ipAddress()));
    } else {
      nodes.onSide(builder, side, address.ipAddress());
    }
  }

  /** The least one CM message takes between the hosts. */
  long minimumMessagePs() {
    return nodes == null ? MESSAGE_PS : nodes.wireFloorPs();
  }

  /** Starts Connect from A to B; returns the inline status. */
  NtStatus connect(byte[] privateData) {
    return active.connector.connect(
        active.qp, A, B, 8, 8, privateData, (ctx, s) -> active.completions.add(s), "connect");
  }

  /** Runs until the passive side's connect event delivered its connector. */
  NdkConnector awaitConnectEvent() {
    int before = connectEvents.size();
    sim.runUntil(() -> connectEvents.size() > before);
    passive.connector = connectEvents.get(connectEvents.size() - 1);
    return passive.connector;
  }

  /** Accept on the passive side with a disconnect event that records its time. */
  NtStatus accept(byte[] privateData) {
    return passive.connector.accept(
        passive.qp,
        8,
        8,
        privateData,
        ctx -> passive.disconnectEvents.add(sim.nowPs()),
        null,
        (ctx, s) -> passive.completions.add(s),
        "accept");
  }

  NtStatus completeConnect() {
    return active.connector.completeConnect(
        ctx -> active.disconnectEvents.add(sim.nowPs()),
        null,
        (ctx, s) -> active.completions.add(s),
        "complete");
  }

  /** The whole handshake; both sides end up with one SUCCESS completion per request. */
  void establish() {
    assertEquals(NtStatus.PENDING, connect(new byte[] {1, 2, 3}));
    awaitConnectEvent();
    assertEquals(NtStatus.PENDING, accept(new byte[] {9, 8}));
    sim.runUntil(() -> active.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS), active.completions);
    assertEquals(NtStatus.PENDING, completeConnect());
    sim.runUntil(() -> active.completions.size() == 2 && passive.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), active.completions);
    assertEquals(List.of(NtStatus.SUCCESS), passive.completions);
  }

  void run() {
    sim.runToEnd();
  }
}
