package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;

/** Invariants 5-11: closing (ndkpi-spec 3). */
class CloseInvariantsTest {

  private final Rig rig = new Rig();
  private final List<String> closed = new ArrayList<>();

  private NtStatus close(org.rnicsim.ndk.api.NdkCloseableObject object, String name) {
    return object.closeObject(ctx -> closed.add(name), name);
  }

  @Test
  void wellBehavedPendingCloseIsClean() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.PENDING;
    assertEquals(NtStatus.PENDING, close(pd, "pd"));
    assertEquals(ObjectState.CLOSE_PENDING, rig.verifier.stateOf(pd).orElseThrow());
    rig.advance(500);
    rig.fake.last("Close").completeClose();
    assertEquals(List.of("pd"), closed);
    assertEquals(ObjectState.CLOSED, rig.verifier.stateOf(pd).orElseThrow());
    rig.assertClean();
  }

  @Test
  void invariant05_closeReturningAnErrorIsReported() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    close(pd, "pd");
    rig.assertOnly(5, Side.PROVIDER);
  }

  @Test
  void invariant05_closeCompletionAfterCloseReturnedSuccessIsReported() {
    NdkPd pd = rig.pd();
    close(pd, "pd");
    rig.fake.last("Close").completeClose();
    rig.assertOnly(5, Side.PROVIDER);
  }

  @Test
  void invariant05_closeCompletionRunningTwiceIsReported() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(pd, "pd");
    rig.fake.last("Close").completeClose();
    rig.fake.last("Close").completeClose();
    rig.assertOnly(5, Side.PROVIDER);
  }

  @Test
  void invariant05_pendingCloseThatNeverCompletesIsReportedByTheAudit() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(pd, "pd");
    rig.assertOnly(5, Side.PROVIDER);
  }

  @Test
  void invariant06_notificationAfterCloseReturnedSuccessIsReported() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    close(cq, "cq");
    rig.advance(100);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(6, Side.PROVIDER);
  }

  @Test
  void invariant06_disconnectEventAfterTheCloseCompletionIsReported() {
    NdkConnector connector = rig.connector();
    connector.completeConnect(ctx -> {}, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(connector, "connector");
    rig.fake.last("Close").completeClose();
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    rig.assertOnly(6, Side.PROVIDER);
  }

  @Test
  void invariant07_closeCallbackWhileANotificationRunsIsReported() {
    rig.fake.closeAnswer = NtStatus.PENDING;
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            (ctx, status) -> {
              close(cq[0], "cq"); // legal: close from inside the CQ's own callback
              rig.fake.last("Close").completeClose(); // the provider must wait for the return
            });
    cq[0].armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq[0])).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(7, Side.PROVIDER);
  }

  @Test
  void invariant07_closeCallbackWhileANotificationRunsInModelledTimeIsReported() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 2_000_000); // the callback costs 2 us
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.advance(500_000);
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(cq, "cq");
    rig.advance(500_000);
    rig.fake.last("Close").completeClose();
    rig.assertOnly(7, Side.PROVIDER);
  }

  @Test
  void invariant07_closeCallbackAfterTheModelledReturnIsClean() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 2_000_000);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.advance(500_000);
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(cq, "cq");
    rig.advance(2_000_000);
    rig.fake.last("Close").completeClose();
    rig.assertClean();
  }

  @Test
  void invariant07_closeCallbackWhileARequestIsPendingIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, "reg");
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(mr, "mr");
    rig.fake.last("Close").completeClose();
    rig.assertOnly(7, Side.PROVIDER);
  }

  @Test
  void invariant08_closeReturningSuccessWhileARequestIsPendingIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, "reg");
    close(mr, "mr");
    rig.assertOnly(8, Side.PROVIDER);
  }

  @Test
  void invariant08_closeReturningSuccessInsideTheObjectsOwnNotificationIsReported() {
    NdkCq[] cq = new NdkCq[1];
    cq[0] = rig.cq((ctx, status) -> close(cq[0], "cq"));
    cq[0].armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq[0])).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(8, Side.PROVIDER);
  }

  @Test
  void invariant09_closeThatNeverCancelsAPendingRequestIsReportedByTheAudit() {
    NdkMr mr = rig.mr(rig.pd());
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, "reg");
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(mr, "mr");
    rig.assertOnly(9, Side.PROVIDER);
  }

  @Test
  void invariant09_closeThatCancelsItsRequestIsClean() {
    NdkMr mr = rig.mr(rig.pd());
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, "reg");
    FakeProvider.Call register = rig.fake.last("RegisterMr");
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(mr, "mr");
    register.completeRequest(NtStatus.CANCELLED);
    rig.fake.last("Close").completeClose();
    rig.assertClean();
  }

  @Test
  void invariant09_qpCloseFinishingBeforeItsFlushedPostsReachTheCqIsReported() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.receive("r", Rig.SGL);
    close(qp, "qp"); // SUCCESS at once, and the receive never shows up
    rig.assertOnly(9, Side.PROVIDER);
  }

  /** No check may depend on what the provider did elsewhere before (issue 13, finding 3). */
  @Test
  void invariant09_qpCloseFinishingBeforeItsFlushIsReportedWhenTheLateFlushIsTheFirstEntry() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.receive("r", Rig.SGL);
    close(qp, "qp"); // SUCCESS at once: the close finished with the receive not in the CQ
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED); // the flush, too late
    rig.assertOnly(9, Side.PROVIDER);
  }

  @Test
  void invariant09_qpCloseWithoutFlushSeenOnlyByTheAuditIsReported() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq cq = plain.cq();
    NdkQp qp = plain.qp(plain.pd(), cq, "qp");
    qp.write("w", Rig.SGL, 0, 0, 0);
    qp.closeObject(ctx -> {}, null);
    plain.drain(cq);
    plain.assertOnly(9, Side.PROVIDER);
  }

  @Test
  void invariant09_qpCloseThatFlushesFirstIsClean() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.receive("r", Rig.SGL);
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    rig.fake.duringCall = call -> fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED);
    close(qp, "qp");
    rig.assertClean();
  }

  @Test
  void invariant10_antecedentCloseReturningSuccessWithAnOpenSuccessorIsReported() {
    NdkPd pd = rig.pd();
    rig.mr(pd);
    close(pd, "pd");
    rig.assertOnly(10, Side.PROVIDER);
  }

  @Test
  void invariant10_antecedentCloseCompletingBeforeItsSuccessorsIsReported() {
    NdkPd pd = rig.pd();
    NdkMr mr = rig.mr(pd);
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(pd, "pd");
    FakeProvider.Call pdClose = rig.fake.last("Close");
    close(mr, "mr");
    pdClose.completeClose();
    rig.fake.last("Close").completeClose();
    rig.assertOnly(10, Side.PROVIDER);
  }

  @Test
  void invariant10_antecedentCloseCompletingInsideTheSuccessorsCloseCompletionIsReported() {
    NdkPd pd = rig.pd();
    NdkMr mr = rig.mr(pd);
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(pd, "pd");
    FakeProvider.Call pdClose = rig.fake.last("Close");
    mr.closeObject(ctx -> pdClose.completeClose(), "mr");
    rig.fake.last("Close").completeClose();
    rig.assertOnly(10, Side.PROVIDER);
  }

  @Test
  void invariant10_outOfOrderCloseDoneRightIsClean() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    rig.fake.closeAnswer = NtStatus.PENDING;
    close(cq, "cq");
    FakeProvider.Call cqClose = rig.fake.last("Close");
    close(pd, "pd");
    FakeProvider.Call pdClose = rig.fake.last("Close");
    rig.fake.closeAnswer = NtStatus.SUCCESS;
    close(qp, "qp"); // the QP is a successor of both; once it is closed both may complete
    cqClose.completeClose();
    pdClose.completeClose();
    assertEquals(List.of("cq", "pd"), closed);
    rig.assertClean();
  }

  @Test
  void consumerRuleC6_closeAdapterFromInsideACallbackIsReportedAndNotPassedOn() {
    boolean[] providerSawClose = new boolean[1];
    rig.fake.duringCloseAdapter = () -> providerSawClose[0] = true;
    NdkMisuseException[] refused = new NdkMisuseException[1];
    NdkCq cq =
        rig.cq(
            (ctx, status) -> {
              try {
                rig.provider.closeAdapter(rig.adapter);
              } catch (NdkMisuseException e) {
                refused[0] = e;
              }
            });
    cq.armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    assertFalse(providerSawClose[0]);
    assertEquals("C6", refused[0].rule());
    rig.assertOnlyConsumer(ConsumerRule.C6);
    assertEquals(ObjectState.READY, rig.verifier.stateOf(cq).orElseThrow());
  }

  @Test
  void invariant11_closeAdapterReturningWhileADescendantCallbackRunsIsReported() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 1_000_000);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.advance(10_000);
    rig.provider.closeAdapter(rig.adapter);
    rig.assertOnly(11, Side.PROVIDER);
  }

  @Test
  void invariant11_callbackForADescendantAfterCloseAdapterIsReported() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    rig.provider.closeAdapter(rig.adapter); // this fake returns with the CQ open: invariant 10
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    Violation last = rig.verifier.violations().get(rig.verifier.violations().size() - 1);
    assertEquals(11, last.invariantNumber(), rig.verifier.report());
    assertEquals(Side.PROVIDER, last.side());
  }

  /** ndkpi-spec 3: the adapter's close waits for its successors like every antecedent's. */
  @Test
  void invariant10_closeAdapterReturningWithObjectsOpenIsReported() {
    NdkPd pd = rig.pd();
    rig.mr(pd);
    rig.cq();
    rig.provider.closeAdapter(rig.adapter); // this fake returns at once
    rig.assertOnly(10, Side.PROVIDER);
    assertEquals(3, rig.verifier.violations().size(), rig.verifier.report());
  }

  @Test
  void invariant10_closeAdapterReturningWhileACloseCompletionIsOwedIsReported() {
    NdkCq cq = rig.cq();
    rig.fake.closeAnswer = NtStatus.PENDING;
    assertEquals(NtStatus.PENDING, cq.closeObject(ctx -> {}, null));
    rig.provider.closeAdapter(rig.adapter);
    rig.assertOnly(10, Side.PROVIDER);
    assertTrue(
        rig.verifier.violations().get(0).happened().contains("close completion of CQ#1 was owed"),
        rig.verifier.report());
  }

  @Test
  void closeAdapterReturningAfterEveryCloseCompletedIsClean() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    pd.closeObject(ctx -> {}, null);
    cq.closeObject(ctx -> {}, null);
    rig.provider.closeAdapter(rig.adapter);
    assertEquals(ObjectState.CLOSED, rig.verifier.stateOf(rig.adapter).orElseThrow());
    rig.assertClean();
  }

  @Test
  void consumerRuleC7_closeAdapterThatCanNeverReturnLeavesTheObjectsOpen() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    rig.fake.duringCloseAdapter =
        () -> {
          throw new NdkMisuseException("C7", "CloseAdapter can never return");
        };
    assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    rig.assertOnlyConsumer(ConsumerRule.C7);
    assertTrue(rig.verifier.violations().get(0).happened().contains("never closed PD#1"));
    assertEquals(ObjectState.READY, rig.verifier.stateOf(pd).orElseThrow());
  }

  @Test
  void invariant09_closeAdapterStuckAfterTheConsumerClosedEverythingBlamesTheProvider() {
    NdkCq cq = rig.cq();
    rig.fake.closeAnswer = NtStatus.PENDING;
    cq.closeObject(ctx -> {}, null);
    rig.fake.duringCloseAdapter =
        () -> {
          throw new NdkMisuseException("C7", "CloseAdapter can never return");
        };
    assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    rig.assertOnly(9, Side.PROVIDER);
  }
}
