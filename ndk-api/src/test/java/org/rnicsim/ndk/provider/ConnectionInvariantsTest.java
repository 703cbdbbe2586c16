package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.ndk.api.NdkConnectionData;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.queue.SimQp;

/** Connection setup and teardown: invariants 10, 12 and 25-29 (ndkpi-spec 1, 4). */
class ConnectionInvariantsTest {
  private static final List<NdkSge> SGL =
      List.of(new NdkSge(0x1000, 256, ProviderRig.TEST_LOCAL_TOKEN));

  @Test
  void handshakeConnectsTheQpsAndDataFlows() {
    TwoHosts h = new TwoHosts();
    h.establish();
    assertTrue(((SimQp) h.active.qp).isConnected());
    assertEquals(NtStatus.SUCCESS, h.passive.qp.receive("rcv", SGL));
    assertEquals(NtStatus.SUCCESS, h.active.qp.send("snd", SGL, 0));
    h.run();
    NdkResultEx[] results = new NdkResultEx[4];
    assertEquals(1, h.passive.cq.getCqResultsEx(results));
    assertEquals("rcv", results[0].requestContext());
    assertEquals(NdkSockAddr.of("10.0.0.2", 4791), h.active.connector.getPeerAddress().address());
    assertEquals(
        h.active.connector.getLocalAddress().address(),
        h.passive.connector.getPeerAddress().address());
  }

  @Test
  void connectionDataCarriesThePeersPrivateDataAndTheCappedReadLimits() {
    TwoHosts h = new TwoHosts();
    h.connect(new byte[] {1, 2, 3});
    NdkConnector passive = h.awaitConnectEvent();
    NdkConnectionData size = passive.getConnectionData(null);
    assertEquals(NtStatus.SUCCESS, size.status());
    assertEquals(3, size.privateDataLength());
    byte[] small = new byte[2];
    NdkConnectionData partial = passive.getConnectionData(small);
    assertEquals(NtStatus.BUFFER_TOO_SMALL, partial.status());
    assertArrayEquals(new byte[] {1, 2}, small);
    h.passive.connector.accept(
        h.passive.qp,
        4,
        2,
        new byte[] {7},
        null,
        null,
        (c, s) -> h.passive.completions.add(s),
        null);
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    NdkConnectionData data = h.active.connector.getConnectionData(new byte[8]);
    assertEquals(NtStatus.SUCCESS, data.status());
    assertEquals(1, data.privateDataLength());
    assertEquals(2, data.inboundReadLimit(), "min(our IRD 8, peer ORD 2)");
    assertEquals(4, data.outboundReadLimit(), "min(our ORD 8, peer IRD 4)");
    h.completeConnect();
    h.run();
    assertEquals(
        NtStatus.CONNECTION_INVALID,
        h.active.connector.getConnectionData(null).status(),
        "never after CompleteConnect");
  }

  @Test
  void invariant12_rejectNeverPendsAndTheActiveConnectIsRefused() {
    TwoHosts h = new TwoHosts();
    h.connect(null);
    NdkConnector passive = h.awaitConnectEvent();
    assertEquals(NtStatus.SUCCESS, passive.reject(new byte[] {5}));
    h.run();
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
  }

  @Test
  void connectToAHostNobodyAnswersFailsWithHostUnreachable() {
    TwoHosts h = new TwoHosts();
    h.active.connector.connect(
        h.active.qp,
        TwoHosts.A,
        NdkSockAddr.of("10.0.0.99", 1),
        1,
        1,
        null,
        (c, s) -> h.active.completions.add(s),
        null);
    h.run();
    assertEquals(List.of(NtStatus.HOST_UNREACHABLE), h.active.completions);
  }

  @Test
  void invariant25_disconnectEventFiresOnceAtThePeerAndDoesNotFlushItsQp() {
    TwoHosts h = new TwoHosts();
    h.establish();
    assertEquals(NtStatus.SUCCESS, h.passive.qp.receive("kept", SGL));
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.disconnect((c, s) -> h.active.completions.add(s), "disc"));
    h.run();
    assertEquals(1, h.passive.disconnectEvents.size());
    assertEquals(List.of(), h.active.disconnectEvents, "the side that disconnected gets none");
    assertEquals(0, ((SimCq) h.passive.cq).queuedEntries(), "the event does not flush");
    // The passive consumer now disconnects too: no second event, and its QP is flushed.
    assertEquals(
        NtStatus.PENDING,
        h.passive.connector.disconnect((c, s) -> h.passive.completions.add(s), "disc"));
    h.run();
    assertEquals(1, h.passive.disconnectEvents.size());
    assertEquals(NtStatus.SUCCESS, h.passive.completions.get(1));
    NdkResultEx[] results = new NdkResultEx[2];
    assertEquals(1, h.passive.cq.getCqResultsEx(results));
    assertEquals(NtStatus.CANCELLED, results[0].status());
  }

  @Test
  void invariant25_noDisconnectEventWhenBothSidesDisconnectAtOnce() {
    TwoHosts h = new TwoHosts();
    h.establish();
    h.active.connector.disconnect((c, s) -> h.active.completions.add(s), null);
    h.passive.connector.disconnect((c, s) -> h.passive.completions.add(s), null);
    h.run();
    assertEquals(List.of(), h.active.disconnectEvents);
    assertEquals(List.of(), h.passive.disconnectEvents);
    assertEquals(NtStatus.SUCCESS, h.active.completions.get(2));
    assertEquals(NtStatus.SUCCESS, h.passive.completions.get(1));
  }

  @Test
  void invariant26_disconnectCompletesAfterThePeerAnsweredAndThenTheQpIsFlushed() {
    disconnectWithWritesOutstanding(SGL);
  }

  @Test
  void invariant26_disconnectWaitsForWritesStillOnTheWireAndCancelsOnlyTheReceives() {
    // 1 MiB each: about 85 us per write at the port rate, far longer than a DREQ/DREP round trip.
    disconnectWithWritesOutstanding(
        List.of(new NdkSge(0x1000, 1 << 20, ProviderRig.TEST_LOCAL_TOKEN)));
  }

  /**
   * Posts three receives (the peer sends nothing) and three writes of {@code writeSgl}, then
   * Disconnect at once: it completes after the peer answered and after every write has completed
   * successfully (all DMA on the QP done), and only then the flush cancels exactly the receives.
   */
  private static void disconnectWithWritesOutstanding(List<NdkSge> writeSgl) {
    TwoHosts h = new TwoHosts();
    h.establish();
    for (int i = 0; i < 3; i++) {
      assertEquals(NtStatus.SUCCESS, h.active.qp.receive("r" + i, SGL));
      assertEquals(
          NtStatus.SUCCESS,
          h.active.qp.write("w" + i, writeSgl, 0, ProviderRig.TEST_REMOTE_TOKEN, 0));
    }
    long start = h.sim.nowPs();
    long[] doneAt = {-1};
    List<NdkResultEx> queuedWhenDone = new ArrayList<>();
    h.active.connector.disconnect(
        (c, s) -> {
          doneAt[0] = h.sim.nowPs();
          queuedWhenDone.addAll(h.a.queuedEntries);
        },
        null);
    h.run();
    assertTrue(doneAt[0] - start >= 2 * h.minimumMessagePs(), "request and reply travelled");
    assertEquals(
        List.of(
            outcome("w0", NtStatus.SUCCESS),
            outcome("w1", NtStatus.SUCCESS),
            outcome("w2", NtStatus.SUCCESS)),
        outcomes(queuedWhenDone),
        "every write done, nothing cancelled, before Disconnect finished");
    NdkResultEx[] results = new NdkResultEx[8];
    int count = h.active.cq.getCqResultsEx(results);
    assertEquals(
        List.of(
            outcome("w0", NtStatus.SUCCESS),
            outcome("w1", NtStatus.SUCCESS),
            outcome("w2", NtStatus.SUCCESS),
            outcome("r0", NtStatus.CANCELLED),
            outcome("r1", NtStatus.CANCELLED),
            outcome("r2", NtStatus.CANCELLED)),
        outcomes(Arrays.asList(results).subList(0, count)),
        "then the flush cancelled exactly the receives");
    assertEquals(0, ((SimQp) h.active.qp).outstandingInitiatorRequests());
  }

  private static List<String> outcomes(List<NdkResultEx> entries) {
    return entries.stream().map(e -> outcome(e.requestContext(), e.status())).toList();
  }

  private static String outcome(Object requestContext, NtStatus status) {
    return requestContext + " " + status;
  }

  @Test
  void invariant27_noConnectEventOnceTheListenerCloseIsIssued() {
    TwoHosts h = new TwoHosts();
    ProviderRig.Closed closed = h.b.close(h.listener);
    assertEquals(NtStatus.SUCCESS, closed.status);
    h.connect(null);
    h.run();
    assertEquals(List.of(), h.connectEvents);
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
  }

  @Test
  void invariant27_aRequestInFlightWhenTheListenerCloseIsIssuedGetsNoEvent() {
    TwoHosts h = new TwoHosts();
    long t0 = h.sim.nowPs();
    // Host B's core 0 is busy with 20 us of consumer work when the REQ arrives (a few us), so the
    // CM agent's DPC and the connect event wait in the core's queue; the listener's close is
    // issued meanwhile.
    h.b
        .provider
        .hardware()
        .hostCpu()
        .core(0)
        .submit(new CpuCore.Work(CpuWorkKind.CONSUMER, 20 * SimTime.PS_PER_US, () -> {}, () -> {}));
    h.connect(null);
    h.sim.runUntil(t0 + 10 * SimTime.PS_PER_US);
    assertEquals(List.of(), h.connectEvents, "still queued behind the consumer work");
    h.b.close(h.listener);
    h.run();
    assertEquals(List.of(), h.connectEvents);
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
  }

  @Test
  void invariant27_aListenerWaitingForItsConnectorsToCloseRefusesNewRequests() {
    TwoHosts h = new TwoHosts();
    h.establish();
    int events = h.connectEvents.size();
    ProviderRig.Closed listenerClose = h.b.close(h.listener);
    assertEquals(NtStatus.PENDING, listenerClose.status, "its connector is open (invariant 10)");
    NdkConnector second = h.a.create(cb -> h.a.adapter.createConnector(cb, null));
    NdkQp qp2 = h.a.qp(h.active.pd, h.active.cq, "qp2");
    List<NtStatus> outcome = new ArrayList<>();
    second.connect(qp2, TwoHosts.A, TwoHosts.B, 1, 1, null, (c, s) -> outcome.add(s), null);
    h.run();
    assertEquals(events, h.connectEvents.size(), "no connect event once the close is issued");
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), outcome);
  }

  @Test
  void invariant28_whilePausedNoConnectEventFiresAndTheConnectIsRefused() {
    TwoHosts h = new TwoHosts();
    h.listener.controlConnectEvents(true);
    h.connect(null);
    h.run();
    assertEquals(List.of(), h.connectEvents);
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
    h.listener.controlConnectEvents(false);
    NdkConnector second = h.a.create(cb -> h.a.adapter.createConnector(cb, null));
    NdkQp qp2 = h.a.qp(h.active.pd, h.active.cq, "qp2");
    second.connect(qp2, TwoHosts.A, TwoHosts.B, 1, 1, null, (c, s) -> {}, null);
    h.run();
    assertEquals(1, h.connectEvents.size());
  }

  @Test
  void invariant29_aListenersPortStaysBusyUntilItAndItsConnectorsAreClosed() {
    TwoHosts h = new TwoHosts();
    h.establish();
    ProviderRig.Closed listenerClose = h.b.close(h.listener);
    assertEquals(NtStatus.PENDING, listenerClose.status, "its connector is open (invariant 10)");
    NdkListener other = h.b.create(cb -> h.b.adapter.createListener((c, x) -> {}, null, cb, null));
    assertEquals(NtStatus.SHARING_VIOLATION, other.listen(TwoHosts.B, (c, s) -> {}, null));
    h.b.closeAndWait(h.passive.connector);
    h.run();
    assertEquals(1, listenerClose.callbacks);
    assertEquals(NtStatus.SUCCESS, other.listen(TwoHosts.B, (c, s) -> {}, null));
  }

  @Test
  void invariant29_aSharedEndpointsPortStaysBusyUntilItAndItsConnectorsAreClosed() {
    TwoHosts h = new TwoHosts();
    NdkSockAddr shared = NdkSockAddr.of("10.0.0.1", 5000);
    NdkSharedEndpoint endpoint =
        h.a.create(cb -> h.a.adapter.createSharedEndpoint(shared, cb, null));
    ProviderRig.Created<NdkSharedEndpoint> duplicate =
        h.a.startCreate(cb -> h.a.adapter.createSharedEndpoint(shared, cb, null));
    assertEquals(NtStatus.SHARING_VIOLATION, duplicate.inlineStatus);
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.connectWithSharedEndpoint(
            h.active.qp, endpoint, TwoHosts.B, 1, 1, null, (c, s) -> {}, null));
    h.awaitConnectEvent();
    NdkConnector plain = h.a.create(cb -> h.a.adapter.createConnector(cb, null));
    NdkQp qp2 = h.a.qp(h.active.pd, h.active.cq, "qp2");
    assertEquals(
        NtStatus.SHARING_VIOLATION,
        plain.connect(qp2, shared, TwoHosts.B, 1, 1, null, (c, s) -> {}, null));
    ProviderRig.Closed endpointClose = h.a.close(endpoint);
    assertEquals(NtStatus.PENDING, endpointClose.status);
    h.a.closeAndWait(h.active.connector);
    h.run();
    assertEquals(1, endpointClose.callbacks);
    assertEquals(
        NtStatus.SUCCESS,
        h.a.startCreate(cb -> h.a.adapter.createSharedEndpoint(shared, cb, null)).inlineStatus);
  }

  @Test
  void invariant10_theQpAndTheListenerStayPendingWhileTheirConnectorIsOpen() {
    TwoHosts h = new TwoHosts();
    h.establish();
    ProviderRig.Closed qpClose = h.a.close(h.active.qp);
    ProviderRig.Closed listenerClose = h.b.close(h.listener);
    h.sim.runUntil(h.sim.nowPs() + 1_000_000_000L);
    assertEquals(0, qpClose.callbacks);
    assertEquals(0, listenerClose.callbacks);
    ProviderRig.Closed activeClose = h.a.close(h.active.connector);
    ProviderRig.Closed passiveClose = h.b.close(h.passive.connector);
    h.run();
    assertTrue(qpClose.callbackPs >= activeClose.callbackPs);
    assertTrue(listenerClose.callbackPs >= passiveClose.callbackPs);
    assertEquals(List.of(), h.active.disconnectEvents, "closed both ends: nobody left to tell");
  }

  @Test
  void closingAnEstablishedConnectorAbortsAndThePeerHearsOnce() {
    TwoHosts h = new TwoHosts();
    h.establish();
    h.a.closeAndWait(h.active.connector);
    h.run();
    assertEquals(1, h.passive.disconnectEvents.size());
    assertTrue(!((SimQp) h.passive.qp).isConnected(), "the datapath connection is gone");
    List<NtStatus> statuses = new ArrayList<>();
    assertEquals(NtStatus.PENDING, h.passive.connector.disconnect((c, s) -> statuses.add(s), null));
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS), statuses);
  }
}
