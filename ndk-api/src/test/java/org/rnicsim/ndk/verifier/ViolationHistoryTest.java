package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * A violation carries its object's last events (what a student reads under the rule): the
 * consumer's calls and what each returned, in order, so the report shows how the object got there.
 */
class ViolationHistoryTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();

  private static List<String> events(Violation v) {
    return v.history().stream().map(HistoryEntry::event).toList();
  }

  private Violation only() {
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), found::toString);
    return found.get(0);
  }

  @Test
  void postHistoryShowsEachCallAndWhatItReturned() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    qp.write("w", Rig.SGL, 0, 0, 0);
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    qp.send("refused", Rig.SGL, 0);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS); // a second entry: invariant 19
    Violation v = only();
    assertEquals(
        List.of(
            "consumer calls CreateQp",
            "returned: CreateQp -> STATUS_SUCCESS",
            "delivered",
            "consumer calls Write",
            "returned STATUS_SUCCESS",
            "consumer calls Send",
            "returned STATUS_CONNECTION_INVALID",
            "<-- invariant 19 broken here"),
        events(v));
  }

  @Test
  void closeHistoryShowsTheCloseAndItsAnswer() {
    rig.fake.closeAnswer = NtStatus.INVALID_PARAMETER;
    pd.closeObject(ctx -> {}, null);
    Violation v = only();
    assertEquals(
        List.of(
            "consumer calls CreatePd",
            "returned: CreatePd -> STATUS_SUCCESS",
            "delivered",
            "consumer calls CloseObject",
            "returned: CloseObject -> STATUS_INVALID_PARAMETER",
            "<-- invariant 5 broken here"),
        events(v));
  }

  @Test
  void srqHistoryShowsTheReceivesAndTheirAnswers() {
    NdkSrq srq = pd.createSrq(64, 1, 0, (ctx, status) -> {}, null, null, null, null).object();
    srq.srqReceive("r1", Rig.SGL);
    ((FakeQueues.FakeSrq) rig.inner(srq)).notifyConsumer(NtStatus.SUCCESS); // never armed: 32
    Violation v = only();
    assertEquals(
        List.of(
            "consumer calls CreateSrq",
            "returned: CreateSrq -> STATUS_SUCCESS",
            "delivered",
            "consumer calls SrqReceive",
            "returned STATUS_SUCCESS",
            "provider starts SrqNotification STATUS_SUCCESS",
            "<-- invariant 32 broken here"),
        events(v));
  }

  @Test
  void cqHistoryShowsArmsPollsAndNotifications() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    qp.write("w", Rig.SGL, 0, 0, 0);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    rig.drain(cq);
    cq.armCq(NdkCqNotificationType.ANY);
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    fakeCq.notifyConsumer(NtStatus.SUCCESS); // one arm, two notifications: invariant 14
    Violation v = only();
    assertEquals(
        List.of(
            "delivered",
            "provider queues an entry: STATUS_SUCCESS",
            "consumer calls GetCqResults",
            "returned entries: 1",
            "consumer calls GetCqResults",
            "returned entries: 0",
            "consumer calls ArmCq",
            "  arm type (ANY)",
            "provider starts CqNotification STATUS_SUCCESS",
            "CqNotification returns",
            "provider starts CqNotification STATUS_SUCCESS",
            "<-- invariant 14 broken here"),
        events(v));
  }

  @Test
  void requestHistoryShowsTheCallItsAnswerAndItsCompletions() {
    NdkMr mr = rig.mr(pd);
    rig.fake.requestAnswer = NtStatus.PENDING;
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, null);
    FakeProvider.Call call = rig.fake.last("RegisterMr");
    call.completeRequest(NtStatus.SUCCESS);
    call.completeRequest(NtStatus.SUCCESS); // a second completion: invariant 12
    Violation v = only();
    assertEquals(
        List.of(
            "consumer calls CreateMr",
            "returned: CreateMr -> STATUS_SUCCESS",
            "delivered",
            "consumer calls RegisterMr",
            "returned: RegisterMr -> STATUS_PENDING",
            "provider starts RequestCompletion RegisterMr",
            "RequestCompletion returns",
            "provider starts RequestCompletion RegisterMr",
            "<-- invariant 12 broken here"),
        events(v));
  }

  @Test
  void pollsReturnTheProvidersCountWhetherEntriesAreReportedOrSeenAtDequeue() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    qp.write("w1", Rig.SGL, 0, 0, 0);
    qp.write("w2", Rig.SGL, 0, 0, 0);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    fakeQp.complete(fakeQp.post(1), NtStatus.SUCCESS);
    assertEquals(2, cq.getCqResults(new NdkResult[4]));
    assertEquals(0, cq.getCqResults(new NdkResult[4]));
    rig.assertClean();

    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq plainCq = plain.cq();
    NdkQp plainQp = plain.qp(plain.pd(), plainCq, "qp");
    FakeQueues.FakeQp fake = plain.inner(plainQp);
    plainQp.write("w1", Rig.SGL, 0, 0, 0);
    plainQp.write("w2", Rig.SGL, 0, 0, 0);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    fake.complete(fake.post(1), NtStatus.SUCCESS);
    assertEquals(2, plainCq.getCqResultsEx(new NdkResultEx[4]));
    assertEquals(0, plainCq.getCqResultsEx(new NdkResultEx[4]));
    plain.assertClean();
  }

  @Test
  void invariant24_wrongTypeSeenOnlyAtDequeueThroughGetCqResultsExIsReported() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq plainCq = plain.cq();
    NdkQp plainQp = plain.qp(plain.pd(), plainCq, "qp");
    FakeQueues.FakeQp fake = plain.inner(plainQp);
    plainQp.sendAndInvalidate("si", Rig.SGL, 0, 0x1234);
    fake.completeAs(fake.post(0), NtStatus.SUCCESS, NdkOperationType.WRITE, 0);
    assertEquals(1, plainCq.getCqResultsEx(new NdkResultEx[4]));
    plain.assertOnly(24, Side.PROVIDER);
  }
}
