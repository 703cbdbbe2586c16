package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * The consumer's side of the contract: misuse is reported under the consumer rule it breaks (C1 to
 * C9, docs/ndk-consumer-rules.md), never crashes the verifier, and never reaches the provider when
 * that could hurt it; a refused call ends with {@link NdkMisuseException}, not a made-up status.
 */
class MisuseTest {

  private final Rig rig = new Rig();

  @Test
  void useAfterCloseIsReportedAndNotPassedToTheProvider() {
    NdkMr mr = rig.mr(rig.pd());
    mr.closeObject(ctx -> {}, null);
    int callsBefore = rig.fake.calls.size();
    NdkMisuseException refused =
        assertThrows(
            NdkMisuseException.class,
            () -> mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, s) -> {}, null));
    assertEquals("C1", refused.rule());
    assertThrows(NdkMisuseException.class, mr::getRemoteTokenFromMr);
    assertEquals(callsBefore, rig.fake.calls.size(), "the provider never saw the calls");
    rig.assertOnlyConsumer(ConsumerRule.C1);
    assertEquals(2, rig.verifier.violations().size());
  }

  @Test
  void callsOnClosedQueuesReturnTheRefusalAndReachNothing() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.closeObject(ctx -> {}, null);
    cq.closeObject(ctx -> {}, null);
    assertThrows(NdkMisuseException.class, () -> qp.write("w", Rig.SGL, 0, 0, 0));
    assertThrows(NdkMisuseException.class, qp::flush);
    assertThrows(NdkMisuseException.class, () -> cq.getCqResults(new NdkResult[4]));
    assertThrows(NdkMisuseException.class, () -> cq.armCq(NdkCqNotificationType.ANY));
    assertTrue(((FakeQueues.FakeQp) rig.inner(qp)).posts.isEmpty());
    assertFalse(((FakeQueues.FakeQp) rig.inner(qp)).flushed);
    assertTrue(((FakeQueues.FakeCq) rig.inner(cq)).arms.isEmpty());
    rig.assertOnlyConsumer(ConsumerRule.C1);
    assertEquals(4, rig.verifier.violations().size());
  }

  @Test
  void doubleCloseIsReportedAndNotPassedToTheProvider() {
    NdkPd pd = rig.pd();
    assertEquals(NtStatus.SUCCESS, pd.closeObject(ctx -> {}, null));
    int callsBefore = rig.fake.calls.size();
    NdkMisuseException refused =
        assertThrows(NdkMisuseException.class, () -> pd.closeObject(ctx -> {}, null));
    assertEquals("C2", refused.rule());
    assertEquals(callsBefore, rig.fake.calls.size());
    rig.assertOnlyConsumer(ConsumerRule.C2);
  }

  @Test
  void closedObjectAsAnArgumentIsReportedAndNotPassedOn() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    assertThrows(
        NdkMisuseException.class, () -> pd.createQp(cq, cq, "qp", 16, 16, 2, 2, 0, null, null));
    rig.assertOnlyConsumer(ConsumerRule.C1);
  }

  @Test
  void aClosedQpOrSharedEndpointHandedToConnectIsRefusedBeforeTheProviderSeesIt() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    NdkConnector connector = rig.connector();
    qp.closeObject(ctx -> {}, null);
    int callsBefore = rig.fake.calls.size();
    NdkMisuseException refused =
        assertThrows(
            NdkMisuseException.class,
            () ->
                connector.connect(
                    qp,
                    NdkSockAddr.of("10.0.0.1", 0),
                    NdkSockAddr.of("10.0.0.2", 4791),
                    4,
                    4,
                    null,
                    (ctx, status) -> {},
                    null));
    assertEquals("C1", refused.rule());
    assertEquals(callsBefore, rig.fake.calls.size(), "the provider never saw the Connect");
    rig.assertOnlyConsumer(ConsumerRule.C1);
  }

  @Test
  void useOfAnObjectAfterItsAdapterWasClosedIsReported() {
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    rig.provider.closeAdapter(rig.adapter);
    assertThrows(NdkMisuseException.class, () -> cq.armCq(NdkCqNotificationType.ANY));
    assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    rig.assertOnlyConsumer(ConsumerRule.C1, ConsumerRule.C2);
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
    rig.assertOnlyConsumer(ConsumerRule.C3);
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
    rig.assertOnlyConsumer(ConsumerRule.C4);
  }

  /** Two notifications, 30 us each on two cores, 10 us apart, both poll and arm one CQ. */
  @Test
  void consumerRuleC4_pollsFromCallbacksOverlappingInSimulatedTimeAreReported() {
    pollSharedCqFromTwoNotifications(10_000_000);
    rig.assertOnlyConsumer(ConsumerRule.C4);
    assertTrue(
        rig.verifier.violations().get(0).happened().contains("ran on another core"),
        rig.verifier.report());
  }

  @Test
  void pollsFromCallbacksOneAfterTheOtherInSimulatedTimeAreFine() {
    pollSharedCqFromTwoNotifications(40_000_000);
    rig.assertClean();
  }

  private void pollSharedCqFromTwoNotifications(long apartPs) {
    NdkCq shared = rig.cq();
    NdkFnCqNotificationCallback handler =
        (ctx, status) -> {
          shared.getCqResults(new NdkResult[4]);
          shared.armCq(NdkCqNotificationType.ANY);
        };
    NdkCq first = rig.cq(handler);
    NdkCq second = rig.cq(handler);
    first.armCq(NdkCqNotificationType.ANY);
    second.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 30_000_000);
    ((FakeQueues.FakeCq) rig.inner(first)).notifyConsumer(NtStatus.SUCCESS);
    rig.advance(apartPs);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 30_000_000);
    ((FakeQueues.FakeCq) rig.inner(second)).notifyConsumer(NtStatus.SUCCESS);
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
    assertEquals(ConsumerRule.C5, v.consumerRule());
    assertEquals(19, v.invariantNumber(), "C5 pairs with invariant 19");
    assertEquals(Side.CONSUMER, v.side());
  }

  @Test
  void strictModeThrowsAtTheFirstViolationWithItsRecord() {
    Rig strict = new Rig(VerifierMode.STRICT, true);
    NdkPd pd = strict.pd();
    pd.closeObject(ctx -> {}, null);
    LifetimeViolationException e =
        assertThrows(LifetimeViolationException.class, () -> pd.closeObject(ctx -> {}, null));
    assertEquals(ConsumerRule.C2, e.violation().consumerRule());
    assertTrue(e.getMessage().contains("Consumer rule C2"), e.getMessage());
    assertEquals(List.of(e.violation()), strict.verifier.violations());
  }
}
