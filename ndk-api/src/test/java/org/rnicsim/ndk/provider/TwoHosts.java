package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.management.ManagementQp;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.Cabling;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.verifier.LifetimeVerifier;

/**
 * Two hosts cabled back to back ({@link NdkHosts}), each a provider on its adapter node; their CM
 * messages travel as management datagrams over the cable.
 */
final class TwoHosts {
  static final NdkSockAddr A = new NdkSockAddr(NdkHosts.ipAddressOf(0), 0);
  static final NdkSockAddr B = new NdkSockAddr(NdkHosts.ipAddressOf(1), 4791);

  final RnicSimulator sim = new RnicSimulator("two-hosts");
  final NdkHosts hosts;
  final ProviderRig a;
  final ProviderRig b;

  /** The lifetime verifier both consumers go through, or null. */
  final LifetimeVerifier verifier;

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
    this(CmRetries.assumedDefault());
  }

  /** With connectors resending lost CM messages per {@code retries}. */
  TwoHosts(CmRetries retries) {
    this(retries, List.of("nicA", "nicB"));
  }

  /**
   * Hosts named {@code names}, of which the first two connect; with three or more, {@link NdkHosts}
   * puts every host on one switch, so the CM messages cross it.
   */
  TwoHosts(CmRetries retries, List<String> names) {
    this(retries, names, false);
  }

  /** With {@code verified}, both consumers reach their providers through {@link #verifier}. */
  TwoHosts(CmRetries retries, List<String> names, boolean verified) {
    this(retries, names, verified, HardwareConfig.assumedDefaults());
  }

  /** Two hosts whose cores, interrupts, CM and firmware cost what {@code config} says. */
  TwoHosts(HardwareConfig config) {
    this(CmRetries.assumedDefault(), List.of("nicA", "nicB"), false, config);
  }

  private TwoHosts(CmRetries retries, List<String> names, boolean verified, HardwareConfig config) {
    verifier = verified ? LifetimeVerifier.builder(sim::nowPs).build() : null;
    // More than two hosts hang off a switch: 300 ns port to port, 1 MiB per output queue.
    Cabling cabling =
        names.size() > 2
            ? Cabling.onSwitch(300 * SimTime.PS_PER_NS, 1024 * 1024)
            : Cabling.backToBack();
    hosts =
        NdkHosts.builder(sim)
            .names(names)
            .cabling(cabling)
            .cmRetries(retries)
            .hardware(config)
            .customise((index, b) -> b.mutations(ProviderRig.injected))
            .build();
    a = ProviderRig.on(hosts.provider(0), verifier);
    b = ProviderRig.on(hosts.provider(1), verifier);
    for (Side side : List.of(active, passive)) {
      ProviderRig rig = side == active ? a : b;
      side.cq = rig.cq(256);
      side.pd = rig.pd();
      rig.testMemory(side.pd);
      side.qp = rig.qp(side.pd, side.cq, side == active ? "activeQp" : "passiveQp");
    }
    listener =
        b.create(cb -> b.adapter.createListener((ctx, c) -> connectEvents.add(c), null, cb, null));
    assertEquals(NtStatus.SUCCESS, listener.listen(B, (c, s) -> {}, null));
    active.connector = a.create(cb -> a.adapter.createConnector(cb, null));
  }

  /**
   * The least time a CM message can take from one provider to the other: its MAD's serialisation at
   * the port rate, the MAC/PHY latencies and the cable, all from the profile.
   */
  long minimumMessagePs() {
    PortProfile port = hosts.profile().port();
    long wireBytes =
        ManagementQp.MAD_BYTES
            + port.packetHeaderBytes()
            + PacketOpcode.MANAGEMENT_DATAGRAM.extendedHeaderBytes();
    return port.serialisationPs(wireBytes)
        + port.txLatencyPs()
        + port.propagationDelayPs()
        + port.rxLatencyPs();
  }

  /** CM messages (MADs) the adapter of host {@code host} has sent so far. */
  long madsSent(int host) {
    return hosts.stats().counter(hosts.node(host).rnic().name() + ".mad.sent").count();
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

  /** Connect, connect event and Accept, until Connect has completed: CompleteConnect is next. */
  void awaitReply() {
    assertEquals(NtStatus.PENDING, connect(null));
    awaitConnectEvent();
    assertEquals(NtStatus.PENDING, accept(null));
    sim.runUntil(() -> active.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS), active.completions);
  }

  /** As {@link #completeConnect} through the Ex entry (NDK 1.2's reason-carrying event). */
  NtStatus completeConnectEx() {
    return active.connector.completeConnectEx(
        (ctx, reason) -> active.disconnectEvents.add(sim.nowPs()),
        null,
        (ctx, s) -> active.completions.add(s),
        "completeEx");
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
