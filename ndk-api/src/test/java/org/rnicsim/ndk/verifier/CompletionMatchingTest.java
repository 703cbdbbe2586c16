package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Which post a CQ entry completes (ndkpi-spec 5, invariants 19, 23-25): QPs that share one
 * QPContext on a CQ, a context used both by an SRQ receive and by a request of the QP on that SRQ,
 * a CANCELLED entry on a connected QP, and the audit of a QP whose CQ was closed before the entries
 * could be dequeued.
 */
class CompletionMatchingTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();

  private List<Violation> audited(Rig r) {
    r.verifier.audit();
    return r.verifier.violations();
  }

  @Test
  void invariant23_entryOfTheSecondOfTwoQpsSharingAContextIsMatchedToIt() {
    rig.qp(pd, cq, "shared");
    NdkQp second = rig.qp(pd, cq, "shared");
    FakeQueues.FakeQp fake = rig.inner(second);
    assertEquals(NtStatus.SUCCESS, second.write("w", Rig.SGL, 0, 0, 0));
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    rig.assertClean(); // matched, so not missing at the audit either
  }

  @Test
  void invariant23_strayRequestContextOnASharedQpContextIsReportedOnAQp() {
    NdkQp first = rig.qp(pd, cq, "shared");
    rig.qp(pd, cq, "shared");
    FakeQueues.FakeQp fake = rig.inner(first);
    fake.completeRaw(false, "shared", "never-posted", NtStatus.SUCCESS);
    List<Violation> found = audited(rig);
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(23, v.invariantNumber(), v::toString);
    assertTrue(v.object().toString().startsWith("QP"), v::toString);
    assertTrue(v.happened().contains("which no pending post on QP"), v::toString);
  }

  @Test
  void invariant19_secondEntryIsRecognisedForEachOfTheLast64CompletedPosts() {
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fake = rig.inner(qp);
    int posts = QpShadow.COMPLETED_MEMORY + 1;
    for (int i = 0; i < posts; i++) {
      qp.write("w" + i, Rig.SGL, 0, 0, 0);
      fake.complete(fake.post(i), NtStatus.SUCCESS);
      rig.drain(cq);
    }
    fake.complete(fake.post(1), NtStatus.SUCCESS); // the oldest of the last 64, again
    List<Violation> found = audited(rig);
    assertEquals(1, found.size(), found::toString);
    assertEquals(19, found.get(0).invariantNumber(), found::toString);
    assertTrue(found.get(0).happened().contains("a second CQ entry"), found::toString);
  }

  @Test
  void invariant23_entryNamingTheContextOfAQpWhoseCreateFailedIsReportedOnTheCq() {
    rig.fake.createAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    pd.createQp(cq, cq, "dead", 16, 16, 2, 2, 0, null, null);
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    fakeCq.queue(new NdkResultEx(NtStatus.SUCCESS, 0, "dead", "x", NdkOperationType.SEND, 0, 0));
    List<Violation> found = audited(rig);
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(23, v.invariantNumber(), v::toString);
    assertEquals("CQ#1", v.object().toString(), v::toString);
    assertTrue(v.happened().contains("the creation context of no QP"), v::toString);
  }

  @Test
  void invariant09_flushedEntryArrivingAfterTheQpsCloseFinishedIsReportedOnceUnder9() {
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fake = rig.inner(qp);
    qp.write("w", Rig.SGL, 0, 0, 0);
    qp.closeObject(ctx -> {}, null); // finishes at once, before the flushed entry is queued
    fake.complete(fake.post(0), NtStatus.CANCELLED); // still the QP's own entry, only late
    List<Violation> found = audited(rig);
    assertEquals(1, found.size(), found::toString);
    assertEquals(9, found.get(0).invariantNumber(), found::toString);
  }

  /** A QP on an SRQ whose receives and requests share one CQ, so one context may name both. */
  private NdkQp qpOnSrq(NdkSrq srq) {
    return pd.createQpWithSrq(cq, cq, srq, "qp", 16, 2, 0, null, null).object();
  }

  @Test
  void invariant24_contextOfAnSrqReceiveAndOfALaterSendGoesToTheReceiveFirst() {
    NdkSrq srq = pd.createSrq(64, 2, 0, null, null, null, null, null).object();
    NdkQp qp = qpOnSrq(srq);
    FakeQueues.FakeQp fake = rig.inner(qp);
    srq.srqReceive("x", Rig.SGL);
    assertEquals(NtStatus.SUCCESS, qp.sendAndInvalidate("x", Rig.SGL, 0, 0x1234));
    fake.completeRaw(true, "qp", "x", NtStatus.SUCCESS); // a Receive: the SRQ receive's entry
    fake.complete(fake.post(0), NtStatus.SUCCESS); // a Send: the sender's entry
    rig.assertClean();
  }

  @Test
  void invariant24_contextOfASendAndOfALaterSrqReceiveGoesToTheSendFirst() {
    NdkSrq srq = pd.createSrq(64, 2, 0, null, null, null, null, null).object();
    NdkQp qp = qpOnSrq(srq);
    FakeQueues.FakeQp fake = rig.inner(qp);
    assertEquals(NtStatus.SUCCESS, qp.sendAndInvalidate("x", Rig.SGL, 0, 0x1234));
    srq.srqReceive("x", Rig.SGL);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    fake.completeRaw(true, "qp", "x", NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant25_cancelledEntryOnAConnectedQpWithoutADisconnectEventIsClean() {
    NdkQp qp = rig.qp(pd, cq, "qp");
    FakeQueues.FakeQp fake = rig.inner(qp);
    NdkConnector connector = rig.connector();
    connector.connect(
        qp,
        NdkSockAddr.of("10.0.0.1", 0),
        NdkSockAddr.of("10.0.0.2", 6000),
        4,
        4,
        null,
        (ctx, status) -> {},
        null);
    rig.fake.last("Connect").completeRequest(NtStatus.SUCCESS);
    qp.write("w", Rig.SGL, 0, 0, 0);
    fake.complete(fake.post(0), NtStatus.CANCELLED); // no event raised: nothing to blame on one
    rig.assertClean();
  }

  /** Without the probe: a QP closed over a Write whose entry never came; returns its CQ. */
  private static NdkCq qpClosedOverAWrite(Rig plain) {
    NdkCq plainCq = plain.cq();
    NdkQp qp = plain.qp(plain.pd(), plainCq, "qp");
    qp.write("w", Rig.SGL, 0, 0, 0);
    qp.closeObject(ctx -> {}, null);
    return plainCq;
  }

  @Test
  void invariant09_withoutTheProbeAQpWhoseCqWasClosedTooIsNotAudited() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    qpClosedOverAWrite(plain).closeObject(ctx -> {}, null); // the entry may have gone with it
    assertTrue(audited(plain).isEmpty(), plain.verifier::report);
  }

  @Test
  void invariant09_withoutTheProbeAClosedQpWhoseCqStaysOpenIsAudited() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    qpClosedOverAWrite(plain);
    List<Violation> found = audited(plain);
    assertEquals(1, found.size(), found::toString);
    assertEquals(9, found.get(0).invariantNumber(), found::toString);
    assertTrue(found.get(0).happened().contains("closing the QP must flush it"), found::toString);
  }
}
