package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;

/**
 * The edges of the CQ arming rules (ndkpi-spec 4, invariants 14-18): an ERRORS arm over entries
 * already queued, polls that take only part of the queue, which arms a notification answers, which
 * CQ error the reports name, and what each report says happened.
 */
class CqArmingEdgesTest extends OneQpOnOneCq {

  private List<Violation> audited() {
    rig.verifier.audit();
    return rig.verifier.violations();
  }

  private static Violation only(List<Violation> found, int invariant) {
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(invariant, v.invariantNumber(), v::toString);
    assertEquals(Side.PROVIDER, v.side(), v::toString);
    return v;
  }

  private static void assertSays(Violation v, String text) {
    assertTrue(v.happened().contains(text), v::toString);
  }

  private static List<String> events(Violation v) {
    return v.history().stream().map(HistoryEntry::event).toList();
  }

  @Test
  void invariant17_errorsArmOverAFreshFailedEntryOwesANotification() {
    completedWrite(NtStatus.INVALID_PARAMETER); // a failed request, before any arm
    cq.armCq(NdkCqNotificationType.ERRORS);
    Violation v = only(audited(), 17);
    assertSays(v, "ArmCq(ERRORS) found an entry that arrived since the last notification");
  }

  @Test
  void invariant17_errorsArmOverAFreshSuccessfulEntryOwesNothing() {
    completedWrite(NtStatus.SUCCESS);
    cq.armCq(NdkCqNotificationType.ERRORS);
    rig.assertClean();
  }

  @Test
  void invariant17_armAfterAPollThatLeftAnEntryOwesANotification() {
    completedWrite(NtStatus.SUCCESS);
    completedWrite(NtStatus.SUCCESS);
    assertEquals(1, cq.getCqResults(new NdkResult[1]));
    cq.armCq(NdkCqNotificationType.ANY); // one fresh entry is still queued
    only(audited(), 17);
  }

  @Test
  void invariant17_armAfterThePollsTookEveryEntryOwesNothing() {
    completedWrite(NtStatus.SUCCESS);
    completedWrite(NtStatus.SUCCESS);
    assertEquals(1, cq.getCqResults(new NdkResult[1]));
    assertEquals(1, cq.getCqResults(new NdkResult[4]));
    cq.armCq(NdkCqNotificationType.ANY);
    rig.assertClean();
  }

  @Test
  void invariant14_reportSaysWhichArmWasOwedAnswer() {
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    Violation v = only(audited(), 14);
    assertSays(v, "an entry (STATUS_SUCCESS (0x00000000)) arrived while armed ANY");
    assertSays(v, "was due, but none ran by the audit");
  }

  @Test
  void invariant16_reportNamesTheArmsThatTogetherMakeTheStrongerType() {
    cq.armCq(NdkCqNotificationType.ANY);
    cq.armCq(NdkCqNotificationType.ERRORS);
    completedWrite(NtStatus.SUCCESS);
    Violation v = only(audited(), 16);
    assertSays(v, "arrived while the arms [ANY, ERRORS] together make ANY");
  }

  @Test
  void invariant14_armsAnsweredByANotificationNoLongerCount() {
    cq.armCq(NdkCqNotificationType.ERRORS);
    completedWrite(NtStatus.INVALID_PARAMETER);
    fakeCq.notifyConsumer(NtStatus.SUCCESS); // answers the ERRORS arm
    rig.drain(cq);
    rig.advance(1_000);
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS); // owed under the ANY arm alone: 14, not 16
    Violation v = only(audited(), 14);
    assertSays(v, "arrived while armed ANY");
  }

  @Test
  void invariant18_reportNamesTheFirstErrorOfTheCq() {
    fakeCq.notifyConsumer(NtStatus.BUFFER_OVERFLOW); // at 0 ps
    rig.advance(1_000);
    fakeCq.notifyConsumer(NtStatus.INTERNAL_ERROR);
    qp.send("s", Rig.SGL, 0);
    Violation v = only(audited(), 18);
    assertSays(v, "reported STATUS_BUFFER_OVERFLOW (0x80000005) at 0 ps");
  }

  @Test
  void invariant18_failureTheProbeReportsFirstIsTheOneNamed() {
    qp.write("w", Rig.SGL, 0, 0, 0);
    rig.fake.probe.cqFailed(fakeCq, NtStatus.BUFFER_OVERFLOW); // at 0 ps, before any notification
    rig.advance(1_000);
    rig.fake.probe.cqFailed(fakeCq, NtStatus.INTERNAL_ERROR);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    Violation v = only(audited(), 18);
    assertSays(v, "after reporting STATUS_BUFFER_OVERFLOW (0x80000005) at 0 ps");
    assertTrue(
        events(v).contains("provider reports the CQ failed: STATUS_BUFFER_OVERFLOW"),
        () -> events(v).toString());
  }

  @Test
  void invariant14_historyShowsWhenTheNotificationFellDue() {
    cq.armCq(NdkCqNotificationType.ANY);
    completedWrite(NtStatus.SUCCESS);
    Violation v = only(audited(), 14);
    assertTrue(
        events(v)
            .contains(
                "notification now due: an entry (STATUS_SUCCESS (0x00000000)) arrived while armed"
                    + " ANY"),
        () -> events(v).toString());
  }

  @Test
  void invariant06_notificationAfterTheCloseStillReachesTheConsumer() {
    NdkCq lone = rig.cq();
    assertEquals(NtStatus.SUCCESS, lone.closeObject(ctx -> {}, null));
    ((FakeQueues.FakeCq) rig.inner(lone)).notifyConsumer(NtStatus.SUCCESS);
    assertEquals(1, rig.notifications.size(), "the provider's callback is passed on");
    assertEquals(6, only(audited(), 6).invariantNumber());
  }
}
