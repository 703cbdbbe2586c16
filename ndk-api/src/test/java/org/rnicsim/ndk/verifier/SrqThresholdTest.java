package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Invariant 32 as the verifier counts it (docs/ndk-lifetime-rules.md, SRQ arming): the receives an
 * SRQ holds are those SrqReceive accepted minus those whose entry came, and a ModifySrq whose
 * threshold is above that count owes a notification at once. Each case pins what the audit reports
 * for one way of counting.
 */
class SrqThresholdTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();

  /** SRQ notifications the consumer received, by status. */
  private final List<NtStatus> srqNotifications = new ArrayList<>();

  private NdkSrq srq(long notifyThreshold) {
    return pd.createSrq(
            64, 2, notifyThreshold, (ctx, s) -> srqNotifications.add(s), null, null, null, null)
        .object();
  }

  private NdkQp qpOn(NdkSrq srq) {
    return pd.createQpWithSrq(cq, cq, srq, "qp", 16, 2, 0, null, null).object();
  }

  /** ModifySrq with {@code threshold}, completed by the provider with SUCCESS. */
  private void modify(NdkSrq srq, long threshold) {
    assertEquals(NtStatus.PENDING, srq.modifySrq(64, threshold, (ctx, s) -> {}, null));
    rig.fake.last("ModifySrq").completeRequest(NtStatus.SUCCESS);
  }

  private void notifySrq(NdkSrq srq, NtStatus status) {
    ((FakeQueues.FakeSrq) rig.inner(srq)).notifyConsumer(status);
  }

  private List<Violation> audited() {
    rig.verifier.audit();
    return rig.verifier.violations();
  }

  private static void assertOne32(List<Violation> found, String text) {
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(32, v.invariantNumber(), v::toString);
    assertEquals(Side.PROVIDER, v.side(), v::toString);
    assertTrue(v.object().toString().contains("SRQ"), v::toString);
    assertTrue(v.happened().contains(text), v::toString);
  }

  @Test
  void invariant32_thresholdEqualToTheAcceptedReceivesOwesNothing() {
    NdkSrq srq = srq(0);
    qpOn(srq);
    assertEquals(NtStatus.SUCCESS, srq.srqReceive("r1", Rig.SGL));
    assertEquals(NtStatus.SUCCESS, srq.srqReceive("r2", Rig.SGL));
    modify(srq, 2); // two queued: not below 2
    rig.assertClean();
  }

  @Test
  void invariant32_aReceiveWhoseEntryCameNoLongerCountsAsQueued() {
    NdkSrq srq = srq(0);
    FakeQueues.FakeQp fakeQp = rig.inner(qpOn(srq));
    srq.srqReceive("r1", Rig.SGL);
    srq.srqReceive("r2", Rig.SGL);
    fakeQp.completeRaw(true, "qp", "r1", NtStatus.SUCCESS);
    rig.drain(cq);
    modify(srq, 2); // one left: below 2, so the notification is due at once and never comes
    assertOne32(audited(), "while at most 1 receives were queued");
  }

  @Test
  void invariant32_refusedReceivesAreNotCounted() {
    NdkSrq srq = srq(0);
    qpOn(srq);
    rig.fake.postAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, srq.srqReceive("r1", Rig.SGL));
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, srq.srqReceive("r2", Rig.SGL));
    modify(srq, 1);
    assertOne32(audited(), "with threshold 1 while at most 0 receives");
  }

  @Test
  void invariant32_reportNamesTheModifySrqThatFirstMadeTheNotificationDue() {
    NdkSrq srq = srq(0);
    modify(srq, 1); // at 0 ps
    rig.advance(1_000_000);
    modify(srq, 2); // still owed since the first
    Violation v = audited().get(0);
    assertOne32(rig.verifier.violations(), "at 0 ps ModifySrq armed");
    assertTrue(
        v.history().stream()
            .anyMatch(e -> e.event().equals("notification due at once: queued at most 0")),
        v.history()::toString);
  }

  @Test
  void invariant32_notificationDueAtOnceAndGivenIsClean() {
    NdkSrq srq = srq(0);
    modify(srq, 1);
    rig.advance(1_000);
    notifySrq(srq, NtStatus.SUCCESS);
    assertEquals(List.of(NtStatus.SUCCESS), srqNotifications);
    rig.assertClean();
  }

  @Test
  void invariant32_secondNotificationForOneModifySrqIsReported() {
    NdkSrq srq = srq(0);
    modify(srq, 1);
    notifySrq(srq, NtStatus.SUCCESS);
    rig.advance(1_000);
    notifySrq(srq, NtStatus.SUCCESS);
    assertEquals(2, srqNotifications.size(), "the consumer still hears both");
    assertOne32(audited(), "although it was not armed");
  }

  @Test
  void invariant32_createWithACallbackAndAThresholdArmsTheSrq() {
    NdkSrq srq = srq(4);
    notifySrq(srq, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant32_createWithThresholdZeroDoesNotArm() {
    NdkSrq srq = srq(0);
    notifySrq(srq, NtStatus.SUCCESS);
    assertOne32(audited(), "although it was not armed");
  }

  @Test
  void invariant32_modifySrqWithThresholdZeroKeepsTheSrqUnarmed() {
    NdkSrq srq = srq(0);
    modify(srq, 0); // threshold 0 keeps the threshold and the arm state
    notifySrq(srq, NtStatus.SUCCESS);
    assertOne32(audited(), "although it was not armed");
  }

  @Test
  void invariant32_anSrqThatFailedOwesNoThresholdNotification() {
    NdkSrq srq = srq(0);
    notifySrq(srq, NtStatus.INTERNAL_ERROR); // not armed, but an error may always be told
    modify(srq, 4);
    rig.assertClean();
  }

  @Test
  void invariant32_aClosedSrqOwesNoThresholdNotification() {
    NdkSrq srq = srq(0);
    modify(srq, 4);
    assertEquals(NtStatus.SUCCESS, srq.closeObject(ctx -> {}, null));
    rig.assertClean();
  }
}
