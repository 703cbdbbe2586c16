package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * The companion of every invariant test: a whole life over all object kinds, driven the way the
 * contract allows (pending creates, inline and pending requests, arming, DEFER chains, shared
 * endpoints, a listener, disconnects from both sides, a flush, an out-of-order close of
 * everything), gives no violation at all, with or without the provider reporting CQ entries.
 */
class WellBehavedTrafficTest {

  private Rig rig;
  private final List<NdkConnector> handedOut = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private final List<FakeProvider.Call> closes = new ArrayList<>();

  private void step() {
    rig.advance(100_000);
  }

  private void close(NdkCloseableObject object, String name) {
    assertEquals(NtStatus.PENDING, object.closeObject(ctx -> closed.add(name), name));
    closes.add(rig.fake.last("Close"));
    step();
  }

  @ParameterizedTest(name = "provider reports CQ entries: {0}")
  @ValueSource(booleans = {true, false})
  void wholeLifeOverEveryObjectKindIsClean(boolean probe) {
    rig = new Rig(VerifierMode.STRICT, probe);
    rig.adapter.queryAdapterInfo(1024);

    rig.fake.createAnswer = NtStatus.PENDING;
    NdkPd[] pdBox = new NdkPd[1];
    rig.adapter.createPd((ctx, status, object) -> pdBox[0] = (NdkPd) object, null);
    step();
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    NdkPd pd = pdBox[0];
    rig.fake.createAnswer = NtStatus.SUCCESS;

    NdkCq[] cqBox = new NdkCq[1];
    NdkCq cq =
        rig.cq(
            (ctx, status) -> {
              NdkResultEx[] results = new NdkResultEx[8];
              while (cqBox[0].getCqResultsEx(results) > 0) {
                step();
              }
              cqBox[0].armCq(NdkCqNotificationType.ANY);
            });
    cqBox[0] = cq;
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    NdkSrq srq = pd.createSrq(64, 2, 0, (ctx, status) -> {}, null, null, null, null).object();
    NdkQp qp = rig.qp(pd, cq, "qp");
    NdkQp qpSrq = pd.createQpWithSrq(cq, cq, srq, "qpSrq", 16, 2, 0, null, null).object();
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    FakeQueues.FakeQp fakeQpSrq = rig.inner(qpSrq);

    NdkMr mr = pd.createMr(false, null, null).object();
    mr.registerMr(Mdl.of(0x10_000, 8192), 8192, 0, (ctx, status) -> {}, null);
    step();
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    mr.getRemoteTokenFromMr();
    NdkMw mw = pd.createMw(null, null).object();

    // Active side through a shared endpoint.
    NdkSharedEndpoint endpoint =
        rig.adapter.createSharedEndpoint(NdkSockAddr.of("10.0.0.1", 7000), null, null).object();
    NdkConnector active = rig.connector();
    active.connectWithSharedEndpoint(
        qp, endpoint, NdkSockAddr.of("10.0.0.2", 5000), 4, 4, null, (ctx, s) -> {}, null);
    step();
    rig.fake.last("ConnectWithSharedEndpoint").completeRequest(NtStatus.SUCCESS);
    active.getConnectionData(null);
    active.completeConnectEx((ctx, reason) -> {}, null, (ctx, s) -> {}, null);
    rig.fake.last("CompleteConnectEx").completeRequest(NtStatus.SUCCESS);

    // Passive side through a listener.
    NdkListener listener = rig.listener(handedOut);
    listener.listen(NdkSockAddr.of("10.0.0.1", 5000), (ctx, s) -> {}, null);
    rig.fake.last("Listen").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    NdkConnector passive = handedOut.get(0);
    passive.acceptEx(qpSrq, 4, 4, null, (ctx, reason) -> {}, null, (ctx, s) -> {}, null);
    step();
    rig.fake.last("AcceptEx").completeRequest(NtStatus.SUCCESS);

    // Traffic.
    cq.armCq(NdkCqNotificationType.ANY);
    qp.receive("r0", Rig.SGL);
    qp.receive("r1", Rig.SGL);
    qp.write("d0", Rig.SGL, 0, 0, NdkOpFlag.DEFER.value());
    qp.write("d1", Rig.SGL, 0, 0, NdkOpFlag.DEFER.value());
    qp.write("w", Rig.SGL, 0, 0, 0);
    qp.send("silent", Rig.SGL, NdkOpFlag.SILENT_SUCCESS.value());
    qp.bind("bind", mr, mw, 0x10_000, 4096, NdkOpFlag.ALLOW_REMOTE_READ.value());
    mw.getRemoteTokenFromMw();
    srq.srqReceive("s0", Rig.SGL);
    srq.srqReceive("s1", Rig.SGL);
    srq.modifySrq(0, 1, (ctx, s) -> {}, null);
    rig.fake.last("ModifySrq").completeRequest(NtStatus.SUCCESS);
    step();
    fakeQp.complete(fakeQp.post(2), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(3), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(4), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(6), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    fakeQpSrq.completeRaw(true, "qpSrq", "s0", NtStatus.SUCCESS);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    step();
    qp.invalidate("inv", mw, 0);
    fakeQp.complete(fakeQp.post(7), NtStatus.SUCCESS);
    fakeQpSrq.completeRaw(true, "qpSrq", "s1", NtStatus.SUCCESS);
    ((FakeQueues.FakeSrq) rig.inner(srq)).notifyConsumer(NtStatus.SUCCESS);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    step();

    // The peer leaves the passive connection; the active side disconnects itself.
    ((FakeConnections.FakeConnector) rig.inner(passive)).fireDisconnectEvent();
    passive.disconnect((ctx, s) -> {}, null);
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    active.disconnect((ctx, s) -> {}, null);
    step();
    rig.fake.last("Disconnect").completeRequest(NtStatus.SUCCESS);
    qp.flush();
    fakeQp.complete(fakeQp.post(1), NtStatus.CANCELLED); // r1, flushed by the Disconnect
    fakeCq.notifyConsumer(NtStatus.SUCCESS);

    // Close everything, antecedents first; the provider completes successors first.
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(pd, "pd");
    close(cq, "cq");
    close(listener, "listener");
    close(endpoint, "endpoint");
    close(mr, "mr");
    close(mw, "mw");
    close(srq, "srq");
    close(qp, "qp");
    close(qpSrq, "qpSrq");
    close(active, "active");
    close(passive, "passive");
    for (int i = closes.size() - 1; i >= 0; i--) {
      closes.get(i).completeClose();
      step();
    }
    assertEquals(
        List.of(
            "passive",
            "active",
            "qpSrq",
            "qp",
            "srq",
            "mw",
            "mr",
            "endpoint",
            "listener",
            "cq",
            "pd"),
        closed);
    rig.assertClean(); // the audit runs while the adapter is still open
    rig.provider.closeAdapter(rig.adapter);
    rig.assertClean();
  }
}
