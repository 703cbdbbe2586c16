package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.ndk.verifier.PinReports.only;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Corners of invariants 10 and 25-29 (docs/ndk-lifetime-rules.md): which addresses a failed or
 * wildcard Connect, Listen or CreateSharedEndpoint holds, what a busy-address report says about the
 * holder, a connect event fired while the listener's close call still runs, and callbacks for
 * connection objects that are gone (one report, under 6).
 */
class ConnectionRulesPinTest {

  private static final NdkSockAddr LOCAL = NdkSockAddr.of("10.0.0.1", 5000);
  private static final NdkSockAddr PEER = NdkSockAddr.of("10.0.0.2", 6000);

  private final Rig rig = new Rig();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(rig.pd(), cq, "qp");
  private final List<NdkConnector> handedOut = new ArrayList<>();

  private NdkConnector connectFrom(NdkSockAddr source, NtStatus answer) {
    NdkConnector connector = rig.connector();
    connector.connect(qp, source, PEER, 4, 4, null, (ctx, status) -> {}, null);
    rig.fake.last("Connect").completeRequest(answer);
    return connector;
  }

  private NdkListener listenOn(NdkSockAddr address, NtStatus answer) {
    NdkListener listener = rig.listener(handedOut);
    listener.listen(address, (ctx, status) -> {}, null);
    rig.fake.last("Listen").completeRequest(answer);
    return listener;
  }

  private static FakeConnections.FakeListener fake(Rig rig, NdkListener listener) {
    return rig.inner(listener);
  }

  // ---- invariant 29: who holds an address

  @Test
  void invariant29_listenOnTheExplicitSourceOfAnOpenConnectorIsReportedNamingIt() {
    NdkConnector connector = connectFrom(LOCAL, NtStatus.SUCCESS);
    listenOn(LOCAL, NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    assertTrue(v.object().toString().startsWith("LISTENER"), v::toString);
    assertTrue(
        v.happened().contains(rig.verifier.refOf(connector).orElseThrow() + " still held"),
        v::toString);
  }

  @Test
  void invariant29_connectorsFreeTheirSourceAtTheirClose() {
    NdkConnector connector = connectFrom(LOCAL, NtStatus.SUCCESS);
    connector.closeObject(ctx -> {}, null);
    listenOn(LOCAL, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_aFailedConnectHoldsNoAddress() {
    connectFrom(LOCAL, NtStatus.CONNECTION_REFUSED); // the connector stays open
    listenOn(LOCAL, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_twoConnectorsMayConnectFromOneExplicitSource() {
    connectFrom(LOCAL, NtStatus.SUCCESS);
    connectFrom(LOCAL, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_connectFromAListenedAddressIsReported() {
    listenOn(LOCAL, NtStatus.SUCCESS);
    connectFrom(LOCAL, NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    assertTrue(v.object().toString().startsWith("CONNECTOR"), v::toString);
    assertTrue(v.happened().startsWith("Connect on " + LOCAL), v::toString);
  }

  @Test
  void invariant29_aConnectFromAWildcardPortHoldsNoAddress() {
    connectFrom(LOCAL.withPort(0), NtStatus.SUCCESS);
    listenOn(LOCAL.withPort(0), NtStatus.SUCCESS);
    listenOn(LOCAL.withPort(0), NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_aFailedListenHoldsNoAddress() {
    listenOn(LOCAL, NtStatus.INVALID_ADDRESS);
    listenOn(LOCAL, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_aFailedListenOnABusyAddressIsClean() {
    listenOn(LOCAL, NtStatus.SUCCESS);
    listenOn(LOCAL, NtStatus.ADDRESS_ALREADY_EXISTS);
    rig.assertClean();
  }

  @Test
  void invariant29_listenOnAnEndpointsAddressIsReportedNamingTheEndpoint() {
    NdkSharedEndpoint endpoint = rig.adapter.createSharedEndpoint(LOCAL, null, null).object();
    listenOn(LOCAL, NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    assertTrue(
        v.happened().contains(rig.verifier.refOf(endpoint).orElseThrow() + " still held"),
        v::toString);
  }

  @Test
  void invariant29_sharedEndpointsOnAWildcardPortHoldNothing() {
    rig.adapter.createSharedEndpoint(LOCAL.withPort(0), null, null);
    rig.adapter.createSharedEndpoint(LOCAL.withPort(0), null, null);
    listenOn(LOCAL.withPort(0), NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant29_aPendingSharedEndpointOnABusyAddressIsReportedWhenItIsDelivered() {
    listenOn(LOCAL, NtStatus.SUCCESS);
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.adapter.createSharedEndpoint(LOCAL, (ctx, status, object) -> {}, null);
    assertTrue(rig.reported().isEmpty(), rig.verifier::report);
    rig.fake.last("CreateSharedEndpoint").completeCreate(NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    assertTrue(v.object().toString().startsWith("SHARED_ENDPOINT"), v::toString);
  }

  @Test
  void invariant29_aClosingHolderWithAnOpenConnectorIsNamedWithThatConnector() {
    NdkListener first = listenOn(LOCAL, NtStatus.SUCCESS);
    fake(rig, first).fireConnectEvent();
    rig.fake.closeAnswer = NtStatus.PENDING;
    first.closeObject(ctx -> {}, null);
    rig.fake.closeAnswer = NtStatus.SUCCESS;
    listenOn(LOCAL, NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    String connector = rig.verifier.refOf(handedOut.get(0)).orElseThrow().toString();
    assertTrue(
        v.happened()
            .endsWith("(its close is issued, but " + connector + " using it is still open)"),
        v::toString);
  }

  @Test
  void invariant29_aListenerWhoseCloseIsStillPendingHoldsItsAddress() {
    NdkListener first = listenOn(LOCAL, NtStatus.SUCCESS);
    fake(rig, first).fireConnectEvent();
    handedOut.get(0).closeObject(ctx -> {}, null);
    rig.fake.closeAnswer = NtStatus.PENDING;
    first.closeObject(ctx -> {}, null);
    FakeProvider.Call firstClose = rig.fake.last("Close");
    rig.fake.closeAnswer = NtStatus.SUCCESS;
    listenOn(LOCAL, NtStatus.SUCCESS);
    firstClose.completeClose();
    Violation v = only(rig, 29);
    assertTrue(
        v.happened().endsWith("(its close is issued, but it has not finished closing)"),
        v::toString);
  }

  @Test
  void invariant29_anOpenHolderIsNamedWithoutACloseRemark() {
    listenOn(LOCAL, NtStatus.SUCCESS);
    listenOn(LOCAL, NtStatus.SUCCESS);
    Violation v = only(rig, 29);
    assertTrue(v.happened().endsWith("still held that address"), v::toString);
  }

  // ---- invariant 10: the links a connection makes

  @Test
  void invariant10_listenerCloseCompletingWhileAHandedOutConnectorIsOpenIsReported() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    fake(rig, listener).fireConnectEvent();
    rig.fake.closeAnswer = NtStatus.PENDING;
    listener.closeObject(ctx -> {}, null);
    rig.fake.last("Close").completeClose();
    Violation v = only(rig, 10);
    assertTrue(v.object().toString().startsWith("LISTENER"), v::toString);
  }

  @Test
  void invariant10_endpointCloseAfterAFailedConnectWithItIsClean() {
    NdkSharedEndpoint endpoint = rig.adapter.createSharedEndpoint(LOCAL, null, null).object();
    NdkConnector connector = rig.connector();
    connector.connectWithSharedEndpoint(qp, endpoint, PEER, 4, 4, null, (ctx, s) -> {}, null);
    rig.fake.last("ConnectWithSharedEndpoint").completeRequest(NtStatus.CONNECTION_REFUSED);
    endpoint.closeObject(ctx -> {}, null);
    rig.assertClean();
  }

  @Test
  void invariant10_endpointCloseWhileItsConnectorIsOpenIsReported() {
    NdkSharedEndpoint endpoint = rig.adapter.createSharedEndpoint(LOCAL, null, null).object();
    NdkConnector connector = rig.connector();
    connector.connectWithSharedEndpoint(qp, endpoint, PEER, 4, 4, null, (ctx, s) -> {}, null);
    rig.fake.last("ConnectWithSharedEndpoint").completeRequest(NtStatus.SUCCESS);
    endpoint.closeObject(ctx -> {}, null);
    Violation v = only(rig, 10);
    assertTrue(v.object().toString().startsWith("SHARED_ENDPOINT"), v::toString);
  }

  // ---- invariants 27 and 28: connect events

  @Test
  void invariant27_connectEventWhileTheListenersCloseCallRunsIsReported() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    FakeConnections.FakeListener inner = fake(rig, listener);
    rig.fake.duringCall =
        call -> {
          if (call.op.equals("Close") && call.target == inner) {
            inner.fireConnectEvent();
          }
        };
    listener.closeObject(ctx -> {}, null);
    rig.fake.duringCall = call -> {};
    rig.verifier.audit();
    assertTrue(rig.reported().contains(27), rig.verifier::report);
  }

  @Test
  void connectEventAfterTheListenersCloseReturnedSuccessIsReportedOnceUnder6() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    FakeConnections.FakeListener inner = fake(rig, listener);
    listener.closeObject(ctx -> {}, null);
    inner.fireConnectEvent();
    only(rig, 6);
  }

  @Test
  void connectEventForAPausedListenerAfterItsCloseIsReportedOnceUnder6() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    FakeConnections.FakeListener inner = fake(rig, listener);
    listener.controlConnectEvents(true);
    listener.closeObject(ctx -> {}, null);
    inner.fireConnectEvent();
    only(rig, 6);
  }

  @Test
  void theConsumerGetsTheVerifiersWrapperOfAHandedOutConnector() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    FakeConnections.FakeConnector inner = fake(rig, listener).fireConnectEvent();
    NdkConnector got = handedOut.get(0);
    assertTrue(got != inner, "the consumer got the provider's own connector");
    assertEquals(ObjectState.READY, rig.verifier.stateOf(got).orElseThrow());
    assertNotNull(rig.verifier.refOf(got).orElseThrow());
    rig.assertClean();
  }

  // ---- invariant 25: disconnect events

  @Test
  void disconnectEventAfterTheConnectorsCloseIsReportedOnceUnder6AndBlamesNoFlushOnIt() {
    NdkConnector connector =
        connectFrom(LOCAL.withPort(0), NtStatus.SUCCESS); // registers no disconnect event yet
    connector.completeConnect(ctx -> {}, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    FakeConnections.FakeConnector inner = rig.inner(connector);
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    qp.write("w", Rig.SGL, 0, 0, 0);
    connector.closeObject(ctx -> {}, null);
    inner.fireDisconnectEvent();
    inner.fireDisconnectEvent();
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED); // the QP's own reasons, not the event
    rig.verifier.audit();
    for (Violation v : rig.verifier.violations()) {
      assertEquals(6, v.invariantNumber(), rig.verifier::report);
    }
    assertEquals(2, rig.verifier.violations().size(), rig.verifier::report);
  }

  @Test
  void invariant25_disconnectEventAfterAnAsynchronousDisconnectCompletedIsReported() {
    NdkConnector connector = connectFrom(LOCAL.withPort(0), NtStatus.SUCCESS);
    connector.completeConnect(ctx -> {}, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    connector.disconnect((ctx, status) -> {}, null);
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    Violation v = only(rig, 25);
    assertTrue(
        v.happened().contains("after the consumer's own Disconnect had completed"), v::toString);
  }

  @Test
  void theConsumersDisconnectEventRunsEachTimeTheProviderRaisesIt() {
    int[] events = new int[1];
    NdkConnector connector = connectFrom(LOCAL.withPort(0), NtStatus.SUCCESS);
    connector.completeConnect(ctx -> events[0]++, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    FakeConnections.FakeConnector inner = rig.inner(connector);
    inner.fireDisconnectEvent();
    assertEquals(1, events[0]);
    inner.fireDisconnectEvent(); // invariant 25, still passed on
    assertEquals(2, events[0]);
    only(rig, 25);
  }

  // ---- what a report's history shows

  @Test
  void invariant28_theHistoryShowsThePause() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    listener.controlConnectEvents(false);
    listener.controlConnectEvents(true);
    fake(rig, listener).fireConnectEvent();
    Violation v = only(rig, 28);
    List<String> events = v.history().stream().map(HistoryEntry::event).toList();
    assertTrue(events.contains("consumer calls ControlConnectEvents(resume)"), events::toString);
    assertTrue(events.contains("consumer calls ControlConnectEvents(pause)"), events::toString);
    assertTrue(
        events.indexOf("consumer calls ControlConnectEvents(resume)")
            < events.indexOf("consumer calls ControlConnectEvents(pause)"),
        events::toString);
  }

  @Test
  void aHandedOutConnectorsHistoryNamesTheListenerThatHandedItOut() {
    NdkListener listener = listenOn(LOCAL, NtStatus.SUCCESS);
    fake(rig, listener).fireConnectEvent();
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    handedOut.get(0).closeObject(ctx -> {}, null);
    Violation v = only(rig, 5);
    String listenerRef = rig.verifier.refOf(listener).orElseThrow().toString();
    assertEquals(
        "handed out by the ConnectEvent of " + listenerRef,
        v.history().get(0).event(),
        v::toString);
  }

  // ---- consumer rule C1 on Connect's arguments

  @Test
  void consumerRuleC1_aClosedSharedEndpointHandedToConnectIsRefused() {
    NdkSharedEndpoint endpoint = rig.adapter.createSharedEndpoint(LOCAL, null, null).object();
    endpoint.closeObject(ctx -> {}, null);
    NdkConnector connector = rig.connector();
    int callsBefore = rig.fake.calls.size();
    org.rnicsim.ndk.api.NdkMisuseException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.rnicsim.ndk.api.NdkMisuseException.class,
            () ->
                connector.connectWithSharedEndpoint(
                    qp, endpoint, PEER, 4, 4, null, (ctx, s) -> {}, null));
    assertEquals("C1", refused.rule());
    assertEquals(callsBefore, rig.fake.calls.size(), "the provider saw the Connect");
    rig.assertOnlyConsumer(ConsumerRule.C1);
    assertEquals(
        rig.verifier.refOf(endpoint).orElseThrow(), rig.verifier.violations().get(0).object());
  }

  @Test
  void invariant29_aListenerClosedTooEarlyHoldsItsAddressWhileItsConnectorIsOpen() {
    NdkListener first = listenOn(LOCAL, NtStatus.SUCCESS);
    fake(rig, first).fireConnectEvent();
    first.closeObject(ctx -> {}, null); // SUCCESS with its connector open: invariant 10
    listenOn(LOCAL, NtStatus.SUCCESS);
    rig.verifier.audit();
    assertEquals(java.util.Set.of(10, 29), rig.reported(), rig.verifier::report);
    Violation busy = rig.verifier.violations().get(1);
    String connector = rig.verifier.refOf(handedOut.get(0)).orElseThrow().toString();
    assertTrue(
        busy.happened()
            .endsWith("(its close is issued, but " + connector + " using it is still open)"),
        busy::toString);
  }
}
