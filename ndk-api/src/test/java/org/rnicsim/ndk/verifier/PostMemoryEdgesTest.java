package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Posts on memory (ndkpi-spec 5, invariants 10, 19, 24): a FastRegister gives an invalidated MR a
 * valid token again, an Invalidate of a bound MW unbinds it from its MR, a peer's
 * ReceiveAndInvalidate may name an MW's token, and a post must never pend.
 */
class PostMemoryEdgesTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(pd, cq, "qp");
  private final FakeQueues.FakeQp fakeQp = rig.inner(qp);

  private List<Violation> audited() {
    rig.verifier.audit();
    return rig.verifier.violations();
  }

  /** A Receive whose entry says the peer's SendAndInvalidate invalidated {@code token}. */
  private void peerInvalidates(int token) {
    qp.receive("r" + fakeQp.posts.size(), Rig.SGL);
    fakeQp.completeAs(
        fakeQp.post(fakeQp.posts.size() - 1),
        NtStatus.SUCCESS,
        NdkOperationType.RECEIVE_AND_INVALIDATE,
        token);
  }

  private void completeLast(NtStatus status) {
    fakeQp.complete(fakeQp.post(fakeQp.posts.size() - 1), status);
  }

  @Test
  void invariant24_fastRegisterAfterThePeerInvalidatedMakesALaterInvalidateValid() {
    NdkMr mr = rig.mr(pd);
    peerInvalidates(mr.getRemoteTokenFromMr());
    rig.advance(1_000);
    assertEquals(
        NtStatus.SUCCESS, qp.fastRegister("fr", mr, new long[] {0x1000}, 0, 4096, 0x1000, 0));
    completeLast(NtStatus.SUCCESS);
    rig.advance(1_000);
    assertEquals(NtStatus.SUCCESS, qp.invalidate("inv", mr, 0));
    completeLast(NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant24_invalidateAfterThePeerInvalidatedWithoutAFastRegisterIsReported() {
    NdkMr mr = rig.mr(pd);
    peerInvalidates(mr.getRemoteTokenFromMr());
    rig.advance(1_000);
    qp.invalidate("inv", mr, 0);
    completeLast(NtStatus.SUCCESS);
    List<Violation> found = audited();
    assertEquals(1, found.size(), found::toString);
    assertEquals(24, found.get(0).invariantNumber(), found::toString);
  }

  @Test
  void invariant24_peerInvalidatingTheTokenOfAnMwIsClean() {
    NdkMw mw = pd.createMw(null, null).object();
    int token = mw.getRemoteTokenFromMw();
    assertEquals(0x5678, token, "the provider's token, unchanged");
    peerInvalidates(token);
    rig.assertClean();
  }

  @Test
  void invariant10_mrClosingAfterItsMwWasInvalidatedIsClean() {
    NdkMr mr = rig.mr(pd);
    NdkMw mw = pd.createMw(null, null).object();
    assertEquals(NtStatus.SUCCESS, qp.bind("b", mr, mw, 0x1000, 64, 0));
    completeLast(NtStatus.SUCCESS);
    assertEquals(NtStatus.SUCCESS, qp.invalidate("inv", mw, 0));
    completeLast(NtStatus.SUCCESS);
    mr.closeObject(ctx -> {}, null); // the MW is no longer bound to it
    rig.assertClean();
  }

  @Test
  void invariant19_postReturningPendingIsReported() {
    rig.fake.postAnswer = NtStatus.PENDING;
    assertEquals(NtStatus.PENDING, qp.read("rd", Rig.SGL, 0x2000, 7, 0));
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), found::toString);
    assertEquals(19, found.get(0).invariantNumber(), found::toString);
    assertTrue(
        found.get(0).happened().contains("returned PENDING; posts are synchronous"),
        found::toString);
  }
}
