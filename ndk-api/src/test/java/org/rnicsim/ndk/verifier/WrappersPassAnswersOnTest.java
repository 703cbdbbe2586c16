package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * The verifier stands between consumer and provider without changing what passes (package-info):
 * every answer the provider gives reaches the consumer as given, and every callback the provider
 * makes reaches the consumer's function, whatever the verifier checks on the way.
 */
class WrappersPassAnswersOnTest {

  private static final NdkSockAddr PEER = NdkSockAddr.of("10.0.0.2", 6000);

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(pd, cq, "qp");

  /** Request completions the consumer received, as "op status". */
  private final List<String> completions = new ArrayList<>();

  private org.rnicsim.ndk.api.NdkFnRequestCompletion heard(String op) {
    return (ctx, status) -> completions.add(op + " " + status.name());
  }

  @Test
  void adapterAnswersReachTheConsumer() {
    NdkAdapterInfoResult info = rig.adapter.queryAdapterInfo(4096);
    assertEquals(NtStatus.SUCCESS, info.status());
    assertEquals(1024, info.info().maxCqDepth());
    NdkLogicalAddressMapping lam = new NdkLogicalAddressMapping(4);
    assertEquals(
        NtStatus.PENDING,
        rig.adapter.buildLam(Mdl.of(0x10000, 4096), 4096, heard("BuildLAM"), null, lam));
    rig.fake.last("BuildLAM").completeRequest(NtStatus.SUCCESS);
    assertEquals(List.of("BuildLAM STATUS_SUCCESS"), completions);
    rig.adapter.releaseLam(lam);
    assertEquals(lam, rig.fake.last("ReleaseLAM").context, "ReleaseLAM reached the provider");
    rig.assertClean();
  }

  @Test
  void memoryAnswersReachTheConsumer() {
    assertEquals(7, pd.getPrivilegedMemoryRegionToken());
    NdkMr mr = rig.mr(pd);
    assertEquals(0x4321, mr.getLocalTokenFromMr());
    assertEquals(0x1234, mr.getRemoteTokenFromMr());
    assertEquals(NtStatus.PENDING, mr.initializeFastRegisterMr(4, true, heard("Init"), null));
    rig.fake.last("InitializeFastRegisterMr").completeRequest(NtStatus.SUCCESS);
    assertEquals(NtStatus.PENDING, mr.deregisterMr(heard("Deregister"), null));
    rig.fake.last("DeregisterMr").completeRequest(NtStatus.SUCCESS);
    assertEquals(List.of("Init STATUS_SUCCESS", "Deregister STATUS_SUCCESS"), completions);
    rig.assertClean();
  }

  @Test
  void cqAndPostAnswersReachTheConsumer() {
    assertEquals(NtStatus.PENDING, cq.resizeCq(128, heard("ResizeCq"), null));
    rig.fake.last("ResizeCq").completeRequest(NtStatus.SUCCESS);
    rig.fake.postAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, qp.read("rd", Rig.SGL, 0x2000, 7, 0));
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, qp.sendAndInvalidate("si", Rig.SGL, 0, 0x1234));
    assertEquals(List.of("ResizeCq STATUS_SUCCESS"), completions);
    rig.assertClean();
  }

  @Test
  void connectorAnswersReachTheConsumer() {
    NdkConnector connector = rig.connector();
    assertEquals(4, connector.getConnectionData(new byte[8]).inboundReadLimit());
    assertEquals(1000, connector.getLocalAddress().address().port());
    assertEquals(2000, connector.getPeerAddress().address().port());
    assertEquals(NtStatus.SUCCESS, connector.reject(null));
    rig.fake.rejectAnswer = NtStatus.CONNECTION_INVALID;
    assertEquals(NtStatus.CONNECTION_INVALID, rig.connector().reject(null));
    rig.assertClean();
  }

  @Test
  void connectWithASharedEndpointAndCompleteConnectExAnswerAndReportTheEvent() {
    NdkSharedEndpoint endpoint =
        rig.adapter.createSharedEndpoint(NdkSockAddr.of("10.0.0.1", 5000), null, null).object();
    NdkConnector connector = rig.connector();
    assertEquals(
        NtStatus.PENDING,
        connector.connectWithSharedEndpoint(
            qp, endpoint, PEER, 4, 4, null, heard("ConnectWithSharedEndpoint"), null));
    rig.fake.last("ConnectWithSharedEndpoint").completeRequest(NtStatus.SUCCESS);
    List<Long> reasons = new ArrayList<>();
    assertEquals(
        NtStatus.PENDING,
        connector.completeConnectEx(
            (ctx, reason) -> reasons.add(reason), null, heard("CompleteConnectEx"), null));
    rig.fake.last("CompleteConnectEx").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    assertEquals(List.of(0L), reasons, "the consumer hears the disconnect event");
    assertEquals(
        List.of("ConnectWithSharedEndpoint STATUS_SUCCESS", "CompleteConnectEx STATUS_SUCCESS"),
        completions);
    rig.assertClean();
  }

  @Test
  void acceptExAnswersAndTheConsumerHearsTheDisconnectEvent() {
    List<NdkConnector> handedOut = new ArrayList<>();
    NdkListener listener = rig.listener(handedOut);
    assertEquals(1000, listener.getLocalAddress().address().port());
    listener.listen(NdkSockAddr.of("10.0.0.1", 1000), (ctx, status) -> {}, null);
    rig.fake.last("Listen").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    assertEquals(1, handedOut.size());
    NdkConnector incoming = handedOut.get(0);
    List<Long> reasons = new ArrayList<>();
    assertEquals(
        NtStatus.PENDING,
        incoming.acceptEx(
            qp, 4, 4, null, (ctx, r) -> reasons.add(r), null, heard("AcceptEx"), null));
    rig.fake.last("AcceptEx").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeConnector) rig.inner(incoming)).fireDisconnectEvent();
    assertEquals(List.of(0L), reasons);
    assertEquals(List.of("AcceptEx STATUS_SUCCESS"), completions);
    rig.assertClean();
  }

  @Test
  void theConsumerHearsThePlainDisconnectEvent() {
    NdkConnector connector = rig.connector();
    connector.connect(qp, null, PEER, 4, 4, null, (ctx, status) -> {}, null);
    rig.fake.last("Connect").completeRequest(NtStatus.SUCCESS);
    int[] events = new int[1];
    connector.completeConnect(ctx -> events[0]++, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    assertEquals(1, events[0]);
    assertTrue(rig.verifier.violations().isEmpty(), rig.verifier::report);
  }

  @Test
  void invariant12_rejectReturningPendingIsReported() {
    rig.fake.rejectAnswer = NtStatus.PENDING;
    assertEquals(NtStatus.PENDING, rig.connector().reject(null));
    rig.assertOnly(12, Side.PROVIDER);
  }
}
