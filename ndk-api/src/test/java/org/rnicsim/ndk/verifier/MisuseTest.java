package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;

/**
 * The consumer's side of the contract: misuse is reported (under the invariant whose rule it
 * breaks) and never crashes the verifier or reaches the provider when that could hurt it.
 */
class MisuseTest {

  private final Rig rig = new Rig();

  @Test
  void useAfterCloseIsReportedAndNotPassedToTheProvider() {
    NdkMr mr = rig.mr(rig.pd());
    mr.closeObject(ctx -> {}, null);
    int callsBefore = rig.fake.calls.size();
    NtStatus status = mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, s) -> {}, null);
    assertEquals(NtStatus.INVALID_PARAMETER, status);
    assertEquals(0, mr.getRemoteTokenFromMr());
    assertEquals(callsBefore, rig.fake.calls.size(), "the provider never saw the calls");
    rig.assertOnly(13, Side.CONSUMER);
    assertEquals(2, rig.verifier.violations().size());
  }

  @Test
  void callsOnClosedQueuesReturnTheRefusalAndReachNothing() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.closeObject(ctx -> {}, null);
    cq.closeObject(ctx -> {}, null);
    assertEquals(NtStatus.INVALID_PARAMETER, qp.write("w", Rig.SGL, 0, 0, 0));
    qp.flush();
    assertEquals(0, cq.getCqResults(new NdkResult[4]));
    cq.armCq(NdkCqNotificationType.ANY);
    assertTrue(((FakeQueues.FakeQp) rig.inner(qp)).posts.isEmpty());
    assertFalse(((FakeQueues.FakeQp) rig.inner(qp)).flushed);
    assertTrue(((FakeQueues.FakeCq) rig.inner(cq)).arms.isEmpty());
    rig.assertOnly(13, Side.CONSUMER);
    assertEquals(4, rig.verifier.violations().size());
  }

  @Test
  void doubleCloseIsReportedAndNotPassedToTheProvider() {
    NdkPd pd = rig.pd();
    assertEquals(NtStatus.SUCCESS, pd.closeObject(ctx -> {}, null));
    int callsBefore = rig.fake.calls.size();
    assertEquals(NtStatus.INVALID_PARAMETER, pd.closeObject(ctx -> {}, null));
    assertEquals(callsBefore, rig.fake.calls.size());
    rig.assertOnly(13, Side.CONSUMER);
  }

  @Test
  void closedObjectAsAnArgumentIsReportedAndNotPassedOn() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    assertFalse(pd.createQp(cq, cq, "qp", 16, 16, 2, 2, 0, null, null).isSuccess());
    rig.assertOnly(13, Side.CONSUMER);
  }

  @Test
  void useOfAnObjectAfterItsAdapterWasClosedIsReported() {
    NdkCq cq = rig.cq();
    rig.provider.closeAdapter(rig.adapter);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.provider.closeAdapter(rig.adapter);
    rig.assertOnly(13, Side.CONSUMER);
    assertEquals(2, rig.verifier.violations().size());
  }

  @Test
  void closeWhileAnotherCallOnTheObjectRunsIsReported() {
    rig.fake.closeAnswer = NtStatus.PENDING;
    NdkCq[] cq = new NdkCq[1];
    cq[0] = rig.cq((ctx, status) -> cq[0].closeObject(c -> {}, null));
    cq[0].armCq(NdkCqNotificationType.ANY);
    FakeQueues.FakeCq fakeCq = rig.inner(cq[0]);
    fakeCq.duringPoll = c -> c.notifyConsumer(NtStatus.SUCCESS); // inside GetCqResults
    cq[0].getCqResults(new NdkResult[4]);
    rig.fake.last("Close").completeClose();
    rig.assertOnly(13, Side.CONSUMER);
  }

  @Test
  void adapterCloseFromACallbackIsReportedNotCrashed() {
    NdkCq cq = rig.cq((ctx, status) -> rig.provider.closeAdapter(rig.adapter));
    cq.armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(11, Side.CONSUMER);
    assertEquals(ObjectState.READY, rig.verifier.stateOf(cq).orElseThrow());
  }

  @Test
  void concurrentGetCqResultsOnOneCqIsReported() {
    NdkCq cq = rig.cq();
    cq.resizeCq(128, (ctx, status) -> cq.getCqResults(new NdkResult[4]), null);
    FakeProvider.Call resize = rig.fake.last("ResizeCq");
    // The provider completes the resize while the consumer polls; the consumer's completion polls
    // the same CQ again: two GetCqResults on one CQ at once.
    ((FakeQueues.FakeCq) rig.inner(cq)).duringPoll =
        c -> {
          c.duringPoll = d -> {};
          resize.completeRequest(NtStatus.SUCCESS);
        };
    cq.getCqResults(new NdkResult[4]);
    rig.assertOnly(15, Side.CONSUMER);
  }

  @Test
  void getCqResultsAndArmCqFromInsideTheNotificationAreFine() {
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            (ctx, status) -> {
              cq[0].getCqResults(new NdkResult[4]);
              cq[0].armCq(NdkCqNotificationType.ANY);
            });
    FakeQueues.FakeCq fakeCq = rig.inner(cq[0]);
    fakeCq.duringArm =
        c -> {
          c.duringArm = d -> {};
          c.notifyConsumer(NtStatus.SUCCESS); // notified inline from ArmCq
        };
    cq[0].armCq(NdkCqNotificationType.ANY);
    rig.assertClean();
  }

  @Test
  void concurrentPostsOnOneQueueAreReported() {
    NdkPd pd = rig.pd();
    NdkCq[] cq = new NdkCq[1];
    NdkQp[] qp = new NdkQp[1];
    cq[0] = rig.cq((ctx, status) -> qp[0].send("nested", Rig.SGL, 0));
    qp[0] = rig.qp(pd, cq[0], "qp");
    cq[0].armCq(NdkCqNotificationType.ANY);
    FakeQueues.FakeQp fakeQp = rig.inner(qp[0]);
    fakeQp.duringPost =
        p -> {
          fakeQp.duringPost = q -> {};
          ((FakeQueues.FakeCq) rig.inner(cq[0])).notifyConsumer(NtStatus.SUCCESS);
        };
    qp[0].write("outer", Rig.SGL, 0, 0, 0);
    Violation v = rig.verifier.violations().get(0);
    assertEquals(19, v.invariantNumber());
    assertEquals(Side.CONSUMER, v.side());
  }

  @Test
  void strictModeThrowsAtTheFirstViolationWithItsRecord() {
    Rig strict = new Rig(VerifierMode.STRICT, true);
    NdkPd pd = strict.pd();
    pd.closeObject(ctx -> {}, null);
    LifetimeViolationException e =
        assertThrows(LifetimeViolationException.class, () -> pd.closeObject(ctx -> {}, null));
    assertEquals(13, e.violation().invariantNumber());
    assertTrue(e.getMessage().contains("Invariant 13"), e.getMessage());
    assertEquals(List.of(e.violation()), strict.verifier.violations());
  }
}
