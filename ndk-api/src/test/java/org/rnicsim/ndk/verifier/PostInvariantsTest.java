package org.rnicsim.ndk.verifier;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/** Invariants 19-24: posts, flush, DEFER chains, contexts, SendAndInvalidate (ndkpi-spec 5, 6). */
class PostInvariantsTest {

  private static final int DEFER = NdkOpFlag.DEFER.value();
  private static final int SILENT = NdkOpFlag.SILENT_SUCCESS.value();

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(pd, cq, "qp");
  private final FakeQueues.FakeQp fakeQp = rig.inner(qp);

  private void complete(int post, NtStatus status) {
    fakeQp.complete(fakeQp.post(post), status);
  }

  @Test
  void wellBehavedPostsAreClean() {
    qp.write("a", Rig.SGL, 0, 0, 0);
    qp.send("silent ok", Rig.SGL, SILENT);
    qp.send("silent failed", Rig.SGL, SILENT);
    qp.receive("r", Rig.SGL);
    complete(0, NtStatus.SUCCESS);
    complete(2, NtStatus.IO_TIMEOUT); // a failure always queues an entry
    complete(3, NtStatus.SUCCESS);
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    qp.write("refused", Rig.SGL, 0, 0, 0);
    rig.drain(cq);
    rig.assertClean();
  }

  @Test
  void invariant19_postFailingInlineThatStillQueuesAnEntryIsReported() {
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    fakeQp.duringPost = post -> fakeQp.complete(post, NtStatus.CONNECTION_INVALID);
    qp.send("s", Rig.SGL, 0);
    rig.assertOnly(19, Side.PROVIDER);
  }

  @Test
  void invariant19_secondEntryForOnePostIsReported() {
    qp.write("w", Rig.SGL, 0, 0, 0);
    complete(0, NtStatus.SUCCESS);
    complete(0, NtStatus.SUCCESS);
    rig.assertOnly(19, Side.PROVIDER);
  }

  @Test
  void invariant19_secondEntrySeenOnlyAtDequeueIsReported() {
    Rig plain = new Rig(VerifierMode.COLLECTING, false);
    NdkCq plainCq = plain.cq();
    NdkQp plainQp = plain.qp(plain.pd(), plainCq, "qp");
    FakeQueues.FakeQp fake = plain.inner(plainQp);
    plainQp.write("w", Rig.SGL, 0, 0, 0);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    plain.drain(plainCq);
    plain.assertOnly(19, Side.PROVIDER);
  }

  @Test
  void invariant19_silentSuccessThatSucceedsWithAnEntryIsReported() {
    qp.write("w", Rig.SGL, 0, 0, SILENT);
    complete(0, NtStatus.SUCCESS);
    rig.assertOnly(19, Side.PROVIDER);
  }

  @Test
  void invariant19_successPostThatNeverCompletesIsReportedByTheAudit() {
    qp.write("w", Rig.SGL, 0, 0, 0);
    rig.assertOnly(19, Side.PROVIDER);
  }

  @Test
  void invariant20_flushedRequestOfANeverConnectedQpNotCancelledIsReported() {
    qp.receive("r", Rig.SGL);
    qp.flush();
    complete(0, NtStatus.SUCCESS);
    rig.assertOnly(20, Side.PROVIDER);
  }

  @Test
  void invariant20_flushedRequestThatNeverReachesTheCqIsReported() {
    qp.receive("r", Rig.SGL);
    qp.flush();
    rig.assertOnly(20, Side.PROVIDER);
  }

  @Test
  void invariant20_flushThatCancelsEverythingIsClean() {
    qp.receive("r1", Rig.SGL);
    qp.receive("r2", Rig.SGL);
    qp.flush();
    complete(0, NtStatus.CANCELLED);
    complete(1, NtStatus.CANCELLED);
    rig.assertClean();
  }

  @Test
  void invariant21_deferredRequestHangingAfterAnInlineFailureIsReported() {
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    qp.write("fails", Rig.SGL, 0, 0, 0);
    rig.assertOnly(21, Side.PROVIDER);
  }

  @Test
  void invariant21_deferredRequestPushedByAnInlineFailureIsClean() {
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    rig.fake.postAnswer = NtStatus.CONNECTION_INVALID;
    qp.write("fails", Rig.SGL, 0, 0, 0);
    complete(0, NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant22_terminatedChainWithAnUnsubmittedRequestIsReported() {
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    qp.write("last", Rig.SGL, 0, 0, 0);
    complete(1, NtStatus.SUCCESS); // the doorbell covered only the last request
    rig.assertOnly(22, Side.PROVIDER);
  }

  @Test
  void invariant22_consumerClosingAQpWithAnOpenChainIsReported() {
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    rig.fake.duringCall =
        call -> {
          if (call.op.equals("Close")) {
            complete(0, NtStatus.CANCELLED);
          }
        };
    qp.closeObject(ctx -> {}, null);
    rig.assertOnly(22, Side.CONSUMER);
  }

  @Test
  void invariant22_consumerLeavingAChainOpenIsReportedByTheAudit() {
    qp.write("deferred", Rig.SGL, 0, 0, DEFER);
    rig.assertOnly(22, Side.CONSUMER);
  }

  @Test
  void invariant23_entryWithAnotherQpContextIsReported() {
    qp.receive("r", Rig.SGL);
    fakeQp.completeRaw(true, "not the qp's context", "r", NtStatus.SUCCESS);
    complete(0, NtStatus.SUCCESS);
    rig.assertOnly(23, Side.PROVIDER);
  }

  @Test
  void invariant23_entryWithARequestContextNobodyPostedIsReported() {
    qp.receive("r", Rig.SGL);
    fakeQp.completeRaw(true, "qp", "nobody's", NtStatus.SUCCESS);
    complete(0, NtStatus.SUCCESS);
    rig.assertOnly(23, Side.PROVIDER);
  }

  @Test
  void invariant24_senderOfSendAndInvalidateSeeingAnotherTypeIsReported() {
    qp.sendAndInvalidate("si", Rig.SGL, 0, 0x1234);
    fakeQp.completeAs(fakeQp.post(0), NtStatus.SUCCESS, NdkOperationType.WRITE, 0);
    rig.assertOnly(24, Side.PROVIDER);
  }

  @Test
  void invariant24_receiveAndInvalidateNamingAnUnknownTokenIsReported() {
    qp.receive("r", Rig.SGL);
    fakeQp.completeAs(
        fakeQp.post(0), NtStatus.SUCCESS, NdkOperationType.RECEIVE_AND_INVALIDATE, 0x9999);
    rig.assertOnly(24, Side.PROVIDER);
  }

  @Test
  void invariant24_invalidateSucceedingOnATokenThePeerInvalidatedIsReported() {
    NdkMr mr = rig.mr(pd);
    int token = mr.getRemoteTokenFromMr();
    qp.receive("r", Rig.SGL);
    fakeQp.completeAs(
        fakeQp.post(0), NtStatus.SUCCESS, NdkOperationType.RECEIVE_AND_INVALIDATE, token);
    rig.advance(1_000);
    qp.invalidate("inv", mr, 0);
    complete(1, NtStatus.SUCCESS);
    rig.assertOnly(24, Side.PROVIDER);
  }

  @Test
  void invariant24_invalidateFailingOnATokenThePeerInvalidatedIsClean() {
    NdkMr mr = rig.mr(pd);
    int token = mr.getRemoteTokenFromMr();
    qp.receive("r", Rig.SGL);
    fakeQp.completeAs(
        fakeQp.post(0), NtStatus.SUCCESS, NdkOperationType.RECEIVE_AND_INVALIDATE, token);
    qp.invalidate("inv", mr, 0);
    complete(1, NtStatus.INVALID_PARAMETER);
    qp.sendAndInvalidate("si", Rig.SGL, 0, 0x77);
    fakeQp.completeAs(fakeQp.post(2), NtStatus.SUCCESS, NdkOperationType.SEND, 0);
    rig.assertClean();
  }
}
