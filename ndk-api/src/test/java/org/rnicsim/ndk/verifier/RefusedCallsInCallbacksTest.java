package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;

/**
 * A consumer callback whose call the verifier refuses (consumer rule C1) ends there, as far as the
 * provider can tell; the callback's object keeps that in its history, so a later report on the
 * object shows where the consumer's callback stopped (docs/ndk-consumer-rules.md).
 */
class RefusedCallsInCallbacksTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkMr closedMr = rig.mr(pd);

  RefusedCallsInCallbacksTest() {
    closedMr.closeObject(ctx -> {}, null);
  }

  /** The single provider violation, between the consumer's C1 in each callback. */
  private Violation providerViolation(int invariant) {
    List<Violation> found = rig.verifier.violations();
    assertEquals(3, found.size(), found::toString);
    assertEquals(ConsumerRule.C1, found.get(0).consumerRule(), found::toString);
    assertEquals(ConsumerRule.C1, found.get(2).consumerRule(), found::toString);
    Violation v = found.get(1);
    assertEquals(invariant, v.invariantNumber(), v::toString);
    assertEquals(Side.PROVIDER, v.side(), v::toString);
    return v;
  }

  private static void assertHistoryHas(Violation v, String start) {
    assertTrue(
        v.history().stream().anyMatch(e -> e.event().startsWith(start)), v.history()::toString);
  }

  @Test
  void cqNotificationThatEndedAtARefusedCallShowsInTheCqsHistory() {
    NdkCq cq = rig.cq((ctx, status) -> closedMr.getLocalTokenFromMr());
    FakeQueues.FakeCq fake = rig.inner(cq);
    cq.armCq(NdkCqNotificationType.ANY);
    fake.notifyConsumer(NtStatus.SUCCESS);
    rig.advance(1_000);
    fake.notifyConsumer(NtStatus.SUCCESS); // not re-armed: invariant 14
    assertHistoryHas(
        providerViolation(14), "the consumer's CqNotification ended at a refused call");
  }

  @Test
  void requestCompletionThatEndedAtARefusedCallShowsInTheObjectsHistory() {
    NdkMr mr = rig.mr(pd);
    mr.registerMr(
        Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> closedMr.getLocalTokenFromMr(), null);
    FakeProvider.Call register = rig.fake.last("RegisterMr");
    register.completeRequest(NtStatus.SUCCESS);
    register.completeRequest(NtStatus.SUCCESS); // a second time: invariant 12
    assertHistoryHas(
        providerViolation(12), "the consumer's RequestCompletion ended at a refused call");
  }

  @Test
  void srqNotificationThatEndedAtARefusedCallShowsInTheSrqsHistory() {
    NdkSrq srq =
        pd.createSrq(
                64, 2, 1, (ctx, status) -> closedMr.getLocalTokenFromMr(), null, null, null, null)
            .object();
    FakeQueues.FakeSrq fake = rig.inner(srq);
    fake.notifyConsumer(NtStatus.SUCCESS); // answers the create's arm
    rig.advance(1_000);
    fake.notifyConsumer(NtStatus.SUCCESS); // not re-armed: invariant 32
    assertHistoryHas(
        providerViolation(32), "the consumer's SrqNotification ended at a refused call");
  }

  @Test
  void invariant12_completionAfterTheCallReturnedSuccessIsReported() {
    rig.fake.requestAnswer = NtStatus.SUCCESS;
    NdkMr mr = rig.mr(pd);
    int[] heard = new int[1];
    assertEquals(
        NtStatus.SUCCESS,
        mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> heard[0]++, null));
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    assertEquals(1, heard[0], "the consumer still hears the completion");
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), found::toString);
    assertEquals(12, found.get(0).invariantNumber(), found::toString);
    assertTrue(
        found.get(0).happened().contains("ran although the call had returned STATUS_SUCCESS"),
        found::toString);
  }
}
