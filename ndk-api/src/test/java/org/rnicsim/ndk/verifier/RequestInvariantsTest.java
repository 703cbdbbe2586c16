package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;

/** Invariants 12 and 13: request completions (ndkpi-spec 4) and touching X after an inline one. */
class RequestInvariantsTest {

  private static final Mdl MDL = Mdl.of(0x1000, 4096);

  private final Rig rig = new Rig();
  private final List<String> completions = new ArrayList<>();

  private NtStatus register(NdkMr mr, String name) {
    return mr.registerMr(MDL, 4096, 0, (ctx, status) -> completions.add(ctx + " " + status), name);
  }

  @Test
  void wellBehavedRequestsAreClean() {
    NdkMr mr = rig.mr(rig.pd());
    assertEquals(NtStatus.PENDING, register(mr, "later"));
    rig.advance(1_000);
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    rig.fake.duringCall = call -> call.completeRequest(NtStatus.SUCCESS);
    assertEquals(NtStatus.PENDING, register(mr, "inline")); // completion inside the call is fine
    rig.fake.duringCall = call -> {};
    rig.fake.requestAnswer = NtStatus.SUCCESS;
    register(mr, "sync");
    assertEquals(2, completions.size());
    rig.assertClean();
  }

  @Test
  void invariant12_completionOfARequestThatReturnedSuccessIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    rig.fake.requestAnswer = NtStatus.SUCCESS;
    rig.fake.duringCall = call -> call.completeRequest(NtStatus.SUCCESS);
    register(mr, "r");
    rig.assertOnly(12, Side.PROVIDER);
  }

  @Test
  void invariant12_completionRunningTwiceIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    register(mr, "r");
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    rig.assertOnly(12, Side.PROVIDER);
  }

  @Test
  void invariant12_pendingRequestThatNeverCompletesIsReportedByTheAudit() {
    NdkCq cq = rig.cq();
    cq.resizeCq(128, (ctx, status) -> {}, null);
    rig.assertOnly(12, Side.PROVIDER);
  }

  @Test
  void invariant12_rejectReturningPendingIsReported() {
    NdkConnector connector = rig.connector();
    rig.fake.rejectAnswer = NtStatus.PENDING;
    connector.reject(null);
    rig.assertOnly(12, Side.PROVIDER);
  }

  @Test
  void invariant13_callbackForXWhileTheInlineCompletionOfACallOnXRunsIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    NdkCq cq = rig.cq();
    register(mr, "first"); // PENDING, outstanding
    FakeProvider.Call first = rig.fake.last("RegisterMr");
    // While the second RegisterMr's inline completion runs, the consumer polls a CQ, and the
    // provider uses that moment to complete the first RegisterMr on the same MR.
    ((FakeQueues.FakeCq) rig.inner(cq)).duringPoll = c -> first.completeRequest(NtStatus.SUCCESS);
    rig.fake.duringCall = call -> call.completeRequest(NtStatus.SUCCESS);
    mr.registerMr(MDL, 4096, 0, (ctx, status) -> cq.getCqResults(new NdkResult[4]), "second");
    rig.assertOnly(13, Side.PROVIDER);
  }

  @Test
  void invariant13_callbackForXInsideTheModelledRunOfAnInlineCompletionIsReported() {
    NdkMr mr = rig.mr(rig.pd());
    rig.fake.duringCall =
        call -> {
          rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 1_000_000);
          call.completeRequest(NtStatus.SUCCESS);
        };
    register(mr, "inline");
    rig.fake.duringCall = call -> {};
    register(mr, "other");
    rig.advance(400_000); // the inline completion is modelled to run until 1 us
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    rig.assertOnly(13, Side.PROVIDER);
  }

  @Test
  void invariant13_callbackForXAfterTheModelledReturnIsClean() {
    NdkMr mr = rig.mr(rig.pd());
    rig.fake.duringCall =
        call -> {
          rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 1_000_000);
          call.completeRequest(NtStatus.SUCCESS);
        };
    register(mr, "inline");
    rig.fake.duringCall = call -> {};
    register(mr, "other");
    rig.advance(1_000_000);
    rig.fake.last("RegisterMr").completeRequest(NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant13_consumerClosingXFromTheInlineCompletionOfACallOnXIsClean() {
    NdkMr mr = rig.mr(rig.pd());
    rig.fake.closeAnswer = NtStatus.PENDING;
    rig.fake.duringCall =
        call -> {
          if (call.op.equals("RegisterMr")) {
            call.completeRequest(NtStatus.INSUFFICIENT_RESOURCES);
          }
        };
    mr.registerMr(MDL, 4096, 0, (ctx, status) -> mr.closeObject(c -> {}, null), null);
    rig.fake.last("Close").completeClose();
    rig.assertClean();
  }
}
