package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;

/** Invariants 14-18: CQ arming and notifications (ndkpi-spec 4). */
class CqInvariantsTest extends OneQpOnOneCq {

  /** The one violation found says {@code text} happened. */
  private void assertSays(String text) {
    Violation v = rig.verifier.violations().get(0);
    assertTrue(v.happened().contains(text), v::toString);
  }

  @Test
  void wellBehavedArmingIsClean() {
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    rig.advance(1_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.drain(cq);
    cq.armCq(NdkCqNotificationType.ERRORS);
    completedWrite(NtStatus.SUCCESS); // no error: no notification owed
    assertEquals(1, rig.notifications.size());
    rig.assertClean();
  }

  @Test
  void invariant14_notificationWithoutAnArmIsReported() {
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(14, Side.PROVIDER);
    assertSays("although the CQ was never armed");
  }

  @Test
  void invariant14_secondNotificationForOneArmIsReported() {
    cq.armCq(NdkCqNotificationType.ANY);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.advance(1_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(14, Side.PROVIDER);
    assertSays("although the CQ was not re-armed since the last one");
  }

  @Test
  void invariant14_armThatIsNeverAnsweredIsReportedByTheAudit() {
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    rig.assertOnly(14, Side.PROVIDER);
  }

  @Test
  void invariant15_notificationNestedInANotificationOfTheSameCqIsReported() {
    NdkCq[] self = new NdkCq[1];
    self[0] = rig.cq((ctx, status) -> self[0].armCq(NdkCqNotificationType.ANY));
    FakeQueues.FakeCq fake = rig.inner(self[0]);
    fake.duringArm =
        c -> {
          if (c.arms.size() == 2) {
            c.notifyConsumer(NtStatus.SUCCESS); // inline from the re-arm inside the first one
          }
        };
    self[0].armCq(NdkCqNotificationType.ANY);
    rig.advance(2_000_000);
    fake.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(15, Side.PROVIDER);
    assertSays("started while the one started at 2.000 us was still running");
  }

  @Test
  void invariant15_notificationsOverlappingInModelledTimeAreReported() {
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 5_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.advance(1_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(15, Side.PROVIDER);
    assertSays("while the one started at 0 ps (modelled to return at 5.000 us) was still running");
  }

  @Test
  void invariant15_notificationsOneAfterTheOtherAreClean() {
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 5_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.advance(5_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant16_rearmThatKeepsTheWeakerTypeIsReported() {
    cq.armCq(NdkCqNotificationType.ANY);
    cq.armCq(NdkCqNotificationType.ERRORS); // max(ANY, ERRORS) = ANY
    completedWrite(NtStatus.SUCCESS); // the provider behaves as if armed ERRORS: no notification
    rig.assertOnly(16, Side.PROVIDER);
  }

  @Test
  void invariant16_rearmAnsweredAsTheStrongerTypeIsClean() {
    cq.armCq(NdkCqNotificationType.ERRORS);
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant17_armOverAFreshCompletionWithoutANotificationIsReported() {
    completedWrite(NtStatus.SUCCESS); // arrives before any arm: fresh
    cq.armCq(NdkCqNotificationType.ANY);
    rig.assertOnly(17, Side.PROVIDER);
  }

  @Test
  void invariant17_armOverAFreshCompletionNotifiedAtOnceIsClean() {
    completedWrite(NtStatus.SUCCESS);
    fakeCq.duringArm = c -> c.notifyConsumer(NtStatus.SUCCESS);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.assertClean();
  }

  @Test
  void invariant17_armOverCompletionsOlderThanTheLastNotificationOwesNothing() {
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    fakeCq.notifyConsumer(NtStatus.SUCCESS); // the consumer does not drain
    cq.armCq(NdkCqNotificationType.ANY);
    rig.assertClean();
  }

  @Test
  void invariant18_completionAfterAnInternalErrorIsReported() {
    qp.write("w", Rig.SGL, 0, 0, 0);
    fakeCq.notifyConsumer(NtStatus.INTERNAL_ERROR);
    rig.advance(1_000);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    rig.assertOnly(18, Side.PROVIDER);
  }

  @Test
  void invariant18_postAcceptedAfterBufferOverflowIsReported() {
    fakeCq.notifyConsumer(NtStatus.BUFFER_OVERFLOW);
    qp.send("s", Rig.SGL, 0);
    rig.assertOnly(18, Side.PROVIDER);
  }

  @Test
  void invariant18_postAfterAnErrorSeenOnlyAtDequeueIsReported() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq plainCq = plain.cq();
    NdkQp plainQp = plain.qp(plain.pd(), plainCq, "qp");
    ((FakeQueues.FakeCq) plain.inner(plainCq)).notifyConsumer(NtStatus.INTERNAL_ERROR);
    plain.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    plainQp.send("refused", Rig.SGL, 0); // failing inline is right
    plain.fake.postAnswer = NtStatus.SUCCESS;
    plainQp.send("s", Rig.SGL, 0);
    FakeQueues.FakeQp fake = plain.inner(plainQp);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    plain.drain(plainCq);
    plain.assertOnly(18, Side.PROVIDER);
  }

  @Test
  void invariant18_quietCqAfterAnErrorIsClean() {
    qp.write("w", Rig.SGL, 0, 0, 0);
    fakeCq.notifyConsumer(NtStatus.INTERNAL_ERROR);
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    qp.write("refused", Rig.SGL, 0, 0, 0);
    rig.assertClean();
  }
}
