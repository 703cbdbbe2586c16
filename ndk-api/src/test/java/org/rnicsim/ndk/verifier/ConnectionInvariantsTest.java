package org.rnicsim.ndk.verifier;

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

/** Invariants 25-29: connections, listeners and addresses (ndkpi-spec 1, 4). */
class ConnectionInvariantsTest {

  private static final NdkSockAddr LOCAL = NdkSockAddr.of("10.0.0.1", 5000);
  private static final NdkSockAddr PEER = NdkSockAddr.of("10.0.0.2", 6000);

  private final Rig rig = new Rig();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(rig.pd(), cq, "qp");
  private final FakeQueues.FakeQp fakeQp = rig.inner(qp);
  private final List<NdkConnector> handedOut = new ArrayList<>();

  /** Connect and CompleteConnect, both completing asynchronously with SUCCESS. */
  private NdkConnector connected() {
    NdkConnector connector = rig.connector();
    connector.connect(qp, LOCAL.withPort(0), PEER, 4, 4, null, (ctx, status) -> {}, null);
    rig.fake.last("Connect").completeRequest(NtStatus.SUCCESS);
    connector.completeConnect(ctx -> {}, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    return connector;
  }

  private FakeConnections.FakeConnector fake(NdkConnector connector) {
    return rig.inner(connector);
  }

  private NdkListener listening(NdkSockAddr address) {
    NdkListener listener = rig.listener(handedOut);
    listener.listen(address, (ctx, status) -> {}, null);
    rig.fake.last("Listen").completeRequest(NtStatus.SUCCESS);
    return listener;
  }

  @Test
  void wellBehavedConnectionLifeIsClean() {
    NdkConnector connector = connected();
    qp.write("w", Rig.SGL, 0, 0, 0);
    fake(connector).fireDisconnectEvent(); // the peer left; no flush yet
    connector.disconnect((ctx, status) -> {}, null);
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED); // the finished Disconnect flushed it
    connector.closeObject(ctx -> {}, null);
    qp.closeObject(ctx -> {}, null);
    rig.assertClean();
  }

  @Test
  void invariant25_disconnectEventFiringTwiceIsReported() {
    NdkConnector connector = connected();
    fake(connector).fireDisconnectEvent();
    fake(connector).fireDisconnectEvent();
    rig.assertOnly(25, Side.PROVIDER);
  }

  @Test
  void invariant25_disconnectEventAfterTheLocalDisconnectIsReported() {
    NdkConnector connector = connected();
    rig.fake.requestAnswer = NtStatus.SUCCESS;
    connector.disconnect((ctx, status) -> {}, null);
    fake(connector).fireDisconnectEvent();
    rig.assertOnly(25, Side.PROVIDER);
  }

  @Test
  void invariant25_disconnectEventThatFlushesTheQpIsReported() {
    NdkConnector connector = connected();
    qp.write("w", Rig.SGL, 0, 0, 0);
    fake(connector).fireDisconnectEvent();
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED);
    rig.assertOnly(25, Side.PROVIDER);
  }

  @Test
  void invariant26_disconnectThatLeavesTheQpUnflushedIsReported() {
    NdkConnector connector = connected();
    qp.write("w", Rig.SGL, 0, 0, 0);
    connector.disconnect((ctx, status) -> {}, null);
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    rig.assertOnly(26, Side.PROVIDER);
  }

  @Test
  void invariant27_connectEventAfterTheListenerCloseIsReported() {
    NdkListener listener = listening(LOCAL);
    rig.fake.closeAnswer = NtStatus.PENDING;
    listener.closeObject(ctx -> {}, null);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    rig.assertOnly(27, Side.PROVIDER);
  }

  @Test
  void invariant26_disconnectThatFlushesTheQpIsClean() {
    NdkConnector connector = connected();
    qp.write("w", Rig.SGL, 0, 0, 0);
    connector.disconnect((ctx, status) -> {}, null);
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED);
    rig.assertClean();
  }

  @Test
  void invariant27_listenerThatStopsAtItsCloseIsClean() {
    NdkListener listener = listening(LOCAL);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    rig.fake.closeAnswer = NtStatus.PENDING;
    listener.closeObject(ctx -> {}, null);
    FakeProvider.Call listenerClose = rig.fake.last("Close");
    handedOut.get(0).closeObject(ctx -> {}, null);
    rig.fake.last("Close").completeClose();
    listenerClose.completeClose();
    rig.assertClean();
  }

  @Test
  void invariant28_connectEventWhilePausedIsReported() {
    NdkListener listener = listening(LOCAL);
    listener.controlConnectEvents(true);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    rig.assertOnly(28, Side.PROVIDER);
  }

  @Test
  void invariant28_connectEventAfterResumingIsClean() {
    NdkListener listener = listening(LOCAL);
    listener.controlConnectEvents(true);
    listener.controlConnectEvents(false);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    rig.assertClean();
  }

  @Test
  void invariant29_secondListenOnABusyAddressSucceedingIsReported() {
    listening(LOCAL);
    listening(LOCAL);
    rig.assertOnly(29, Side.PROVIDER);
  }

  @Test
  void invariant29_addressStaysBusyWhileAnAcceptedConnectorIsOpenIsReported() {
    NdkListener first = listening(LOCAL);
    ((FakeConnections.FakeListener) rig.inner(first)).fireConnectEvent();
    rig.fake.closeAnswer = NtStatus.PENDING; // right: its connector is still open
    first.closeObject(ctx -> {}, null);
    rig.fake.closeAnswer = NtStatus.SUCCESS;
    listening(LOCAL);
    rig.assertOnly(29, Side.PROVIDER);
  }

  @Test
  void invariant29_sharedEndpointOnAListenedAddressIsReported() {
    listening(LOCAL);
    rig.adapter.createSharedEndpoint(LOCAL, null, null);
    rig.assertOnly(29, Side.PROVIDER);
  }

  @Test
  void invariant29_connectFromAnEndpointsAddressIsReported() {
    NdkSharedEndpoint endpoint = rig.adapter.createSharedEndpoint(LOCAL, null, null).object();
    NdkConnector connector = rig.connector();
    connector.connect(qp, LOCAL, PEER, 4, 4, null, (ctx, status) -> {}, null);
    rig.fake.last("Connect").completeRequest(NtStatus.SUCCESS);
    endpoint.getLocalAddress();
    rig.assertOnly(29, Side.PROVIDER);
  }

  @Test
  void invariant29_addressFreeAgainOnceEverythingIsClosedIsClean() {
    NdkListener first = listening(LOCAL);
    ((FakeConnections.FakeListener) rig.inner(first)).fireConnectEvent();
    handedOut.get(0).closeObject(ctx -> {}, null);
    first.closeObject(ctx -> {}, null);
    listening(LOCAL);
    rig.assertClean();
  }
}
