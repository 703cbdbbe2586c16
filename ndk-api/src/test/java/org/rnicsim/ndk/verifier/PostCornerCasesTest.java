package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The edges of the post rules (ndkpi-spec 4-6): which of a QP's two CQs an error kills, errors at
 * the very first picosecond, a chain a flush or a close ends, memory windows bound and unbound.
 * Each case pins how many reports the user reads, and on which object.
 */
class PostCornerCasesTest {

  private static final int DEFER = NdkOpFlag.DEFER.value();

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();

  /** A QP whose receives and initiator requests complete into two different CQs. */
  private NdkQp qpOn(NdkCq receiveCq, NdkCq initiatorCq) {
    return pd.createQp(receiveCq, initiatorCq, "qp", 16, 16, 2, 2, 0, null, null).object();
  }

  private List<Violation> auditedViolations() {
    rig.verifier.audit();
    return rig.verifier.violations();
  }

  private static void assertOne(
      List<Violation> found, int invariant, String objectKind, String text) {
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(invariant, v.invariantNumber(), v::toString);
    assertEquals(Side.PROVIDER, v.side(), v::toString);
    assertTrue(v.object().toString().contains(objectKind), v::toString);
    assertTrue(v.happened().contains(text), v::toString);
  }

  @Test
  void invariant18_sendAcceptedAfterOnlyTheReceiveCqFailedIsReported() {
    NdkCq receiveCq = rig.cq();
    NdkCq initiatorCq = rig.cq();
    NdkQp qp = qpOn(receiveCq, initiatorCq);
    ((FakeQueues.FakeCq) rig.inner(receiveCq)).notifyConsumer(NtStatus.INTERNAL_ERROR); // at 0 ps
    qp.send("s", Rig.SGL, 0);
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    assertOne(auditedViolations(), 18, "QP", "returned SUCCESS although");
  }

  @Test
  void invariant18_sendAcceptedAfterOnlyTheInitiatorCqFailedIsReported() {
    NdkCq receiveCq = rig.cq();
    NdkCq initiatorCq = rig.cq();
    NdkQp qp = qpOn(receiveCq, initiatorCq);
    ((FakeQueues.FakeCq) rig.inner(initiatorCq)).notifyConsumer(NtStatus.BUFFER_OVERFLOW);
    qp.send("s", Rig.SGL, 0);
    assertOne(auditedViolations(), 18, "QP", "BUFFER_OVERFLOW");
  }

  @Test
  void invariant18_postAtTheInstantOfTheErrorIsReportedOnlyWhenAccepted() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq cq = plain.cq();
    NdkQp qp = plain.qp(plain.pd(), cq, "qp");
    ((FakeQueues.FakeCq) plain.inner(cq)).notifyConsumer(NtStatus.INTERNAL_ERROR);
    qp.send("s", Rig.SGL, 0); // the same picosecond as the error
    FakeQueues.FakeQp fake = plain.inner(qp);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    plain.drain(cq);
    plain.verifier.audit();
    assertOne(plain.verifier.violations(), 18, "QP", "returned SUCCESS although");
  }

  @Test
  void invariant18_entryOfAPostMadeAfterTheErrorIsReportedAgainAtDequeue() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq cq = plain.cq();
    NdkQp qp = plain.qp(plain.pd(), cq, "qp");
    ((FakeQueues.FakeCq) plain.inner(cq)).notifyConsumer(NtStatus.INTERNAL_ERROR); // at 0 ps
    plain.advance(1_000);
    qp.send("s", Rig.SGL, 0);
    FakeQueues.FakeQp fake = plain.inner(qp);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    plain.drain(cq);
    plain.verifier.audit();
    List<Violation> found = plain.verifier.violations();
    assertEquals(2, found.size(), found::toString);
    assertEquals(18, found.get(0).invariantNumber());
    assertTrue(found.get(0).happened().contains("returned SUCCESS although"), found::toString);
    assertEquals(18, found.get(1).invariantNumber());
    assertTrue(found.get(1).object().toString().contains("CQ"), found::toString);
    assertTrue(found.get(1).happened().contains("still completed into it"), found::toString);
  }

  @Test
  void invariant09_qpClosedOverAPostOfACqThatFailedAtTimeZeroIsClean() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    qp.write("w", Rig.SGL, 0, 0, 0);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.INTERNAL_ERROR); // at 0 ps
    qp.closeObject(ctx -> {}, null); // no flushed entry: the CQ is dead
    rig.assertClean();
  }

  @Test
  void invariant22_deferredRequestEndedByAFlushIsClean() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    qp.flush();
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED);
    rig.assertClean();
  }

  @Test
  void invariant22_closingAQpWithAnOpenChainIsReportedOnce() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    rig.fake.duringCall =
        call -> {
          if (call.op.equals("Close")) {
            fakeQp.complete(fakeQp.post(0), NtStatus.CANCELLED);
          }
        };
    qp.closeObject(ctx -> {}, null);
    List<Violation> found = auditedViolations();
    assertEquals(1, found.size(), found::toString);
    assertEquals(22, found.get(0).invariantNumber());
    assertEquals(Side.CONSUMER, found.get(0).side());
  }

  @Test
  void invariant24_invalidateSucceedingAtTheInstantThePeerInvalidatedIsReported() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    NdkMr mr = rig.mr(pd);
    qp.receive("r", Rig.SGL);
    fakeQp.completeAs(
        fakeQp.post(0),
        NtStatus.SUCCESS,
        NdkOperationType.RECEIVE_AND_INVALIDATE,
        mr.getRemoteTokenFromMr());
    qp.invalidate("inv", mr, 0); // the same picosecond
    fakeQp.complete(fakeQp.post(1), NtStatus.SUCCESS);
    assertOne(auditedViolations(), 24, "QP", "had already invalidated its token");
  }

  @Test
  void invariant10_mrClosingWhileAMwIsBoundToItIsReported() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    NdkMr mr = rig.mr(pd);
    NdkMw mw = pd.createMw(null, null).object();
    qp.bind("b", mr, mw, 0x1000, 64, 0);
    fakeQp.complete(fakeQp.post(0), NtStatus.SUCCESS);
    mr.closeObject(ctx -> {}, null);
    assertOne(auditedViolations(), 10, "MR", "MW");
  }

  @Test
  void invariant10_mrClosingAfterItsBindFailedIsClean() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    NdkMr mr = rig.mr(pd);
    NdkMw mw = pd.createMw(null, null).object();
    qp.bind("b", mr, mw, 0x1000, 64, 0);
    fakeQp.complete(fakeQp.post(0), NtStatus.INVALID_PARAMETER);
    mr.closeObject(ctx -> {}, null);
    rig.assertClean();
  }

  @Test
  void c1_bindNamingAClosedMrIsRefusedBeforeTheProvider() {
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    NdkMr mr = rig.mr(pd);
    NdkMw mw = pd.createMw(null, null).object();
    mr.closeObject(ctx -> {}, null);
    assertThrows(NdkMisuseException.class, () -> qp.bind("b", mr, mw, 0x1000, 64, 0));
    assertTrue(fakeQp.posts.isEmpty(), "the provider never saw the bind");
    List<Violation> found = auditedViolations();
    assertEquals(1, found.size(), found::toString);
    assertEquals(ConsumerRule.C1, found.get(0).consumerRule());
    assertTrue(found.get(0).object().toString().contains("MR"), found::toString);
  }

  @Test
  void srqReceiveReturnsTheProvidersAnswerAndARefusedOneOwesNoNotification() {
    NdkSrq srq = pd.createSrq(64, 1, 0, (ctx, status) -> {}, null, null, null, null).object();
    assertEquals(NtStatus.SUCCESS, srq.srqReceive("r1", Rig.SGL));
    rig.fake.postAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, srq.srqReceive("r2", Rig.SGL));
    rig.assertClean();
  }
}
