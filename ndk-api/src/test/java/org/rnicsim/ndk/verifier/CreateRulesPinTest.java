package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.ndk.verifier.PinReports.only;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * Corners of invariants 1-4 and 30 (docs/ndk-lifetime-rules.md): what the consumer is handed when a
 * create completion runs when it must not, an adapter limit broken by a create that fails late, an
 * object of the wrong kind, and a broken adapter header.
 */
class CreateRulesPinTest {

  private final Rig rig = new Rig();
  private final List<NdkObject> delivered = new ArrayList<>();

  @Test
  void invariant01_aSecondCompletionHandsTheConsumerTheSameWrapperAgain() {
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.adapter.createPd((ctx, status, object) -> delivered.add(object), null);
    FakeProvider.Call call = rig.fake.last("CreatePd");
    call.completeCreate(NtStatus.SUCCESS);
    call.completeCreate(NtStatus.SUCCESS);
    assertEquals(2, delivered.size());
    assertTrue(delivered.get(0) instanceof VerifyingPd, delivered::toString);
    assertSame(delivered.get(0), delivered.get(1));
    only(rig, 1);
  }

  @Test
  void invariant01_aCompletionAfterAnInlineSuccessHandsTheConsumerTheReturnedWrapper() {
    NdkCreateResult<NdkPd> result =
        rig.adapter.createPd((ctx, status, object) -> delivered.add(object), null);
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    assertEquals(1, delivered.size());
    assertSame(result.object(), delivered.get(0));
    only(rig, 1);
  }

  @Test
  void invariant01_aCompletionAfterAnInlineSuccessPassesAnotherObjectOnAsItCame() {
    NdkCreateResult<NdkPd> result =
        rig.adapter.createPd((ctx, status, object) -> delivered.add(object), null);
    FakeProvider.Call call = rig.fake.last("CreatePd");
    FakeProvider.FakePd other = new FakeProvider.FakePd(rig.fake, NdkVersion.V1_2);
    call.completeCreateWith(NtStatus.SUCCESS, other);
    assertSame(other, delivered.get(0));
    assertTrue(result.object() instanceof VerifyingPd);
    only(rig, 1);
  }

  @Test
  void invariant30_aPendingCreateOverALimitFailingWithTheWrongStatusIsReported() {
    NdkPd pd = rig.pd();
    rig.fake.createAnswer = NtStatus.PENDING;
    pd.createSrq(100_000, 1, 0, null, null, null, (ctx, status, object) -> {}, null);
    rig.fake.last("CreateSrq").completeCreate(NtStatus.INSUFFICIENT_RESOURCES);
    Violation v = only(rig, 30);
    assertTrue(
        v.happened().contains("failed with " + NtStatus.INSUFFICIENT_RESOURCES)
            && v.happened().contains("instead of INVALID_PARAMETER although"),
        v::toString);
  }

  @Test
  void invariant30_aCreateOverALimitThatSucceedsIsReportedAsSucceeding() {
    rig.adapter.createCq(rig.fake.info().maxCqDepth() + 1, null, null, null, null, null);
    Violation v = only(rig, 30);
    assertTrue(v.happened().contains(" succeeded although "), v::toString);
  }

  @Test
  void invariant04_anObjectOfTheWrongKindIsReportedAndPassedOnUnchecked() {
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.adapter.createPd((ctx, status, object) -> delivered.add(object), null);
    NdkObject wrongKind =
        new FakeQueues.FakeCq(rig.fake, NdkVersion.V1_2, (ctx, status) -> {}, null);
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, wrongKind);
    assertSame(wrongKind, delivered.get(0));
    List<Violation> found = rig.verifier.violations();
    assertTrue(found.stream().allMatch(v -> v.invariantNumber() == 4), rig.verifier::report);
    assertTrue(
        found.stream()
            .anyMatch(
                v ->
                    v.happened().contains("is a FakeCq, not an NDK_PD")
                        && v.happened().endsWith("the verifier passes it on unchecked")),
        rig.verifier::report);
  }

  @Test
  void invariant04_anAdapterWithAWrongHeaderIsReported() {
    Rig broken =
        new Rig(
            VerifierMode.COLLECTING,
            true,
            fake ->
                fake.headers =
                    (type, version) ->
                        new NdkObjectHeader(
                            version, type == NdkObjectType.ADAPTER ? NdkObjectType.PD : type));
    List<Violation> found = broken.verifier.violations();
    assertEquals(1, found.size(), broken.verifier::report);
    assertEquals(4, found.get(0).invariantNumber());
    assertTrue(found.get(0).object().toString().startsWith("ADAPTER"), found::toString);
    assertTrue(found.get(0).happened().startsWith("the header of the opened "), found::toString);
  }

  @Test
  void invariant02_theOpenedAdapterDeliveredAsAnotherObjectIsReported() {
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.adapter.createPd((ctx, status, object) -> delivered.add(object), null);
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, rig.inner(rig.adapter));
    String adapter = rig.verifier.refOf(rig.adapter).orElseThrow().toString();
    assertTrue(
        rig.verifier.violations().stream()
            .anyMatch(
                v ->
                    v.invariantNumber() == 2
                        && v.happened().endsWith("it had already delivered as " + adapter)),
        rig.verifier::report);
  }

  @Test
  void invariant03_aFailedQpLeavesNoLinkSoAnEntryIsBlamedOnTheLiveQpSharingItsContext() {
    NdkPd pd = rig.pd();
    org.rnicsim.ndk.api.NdkCq cq = rig.cq();
    rig.fake.createAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    pd.createQp(cq, cq, "ctx", 16, 16, 2, 2, 0, null, null);
    rig.fake.createAnswer = NtStatus.SUCCESS;
    org.rnicsim.ndk.api.NdkQp live = rig.qp(pd, cq, "ctx");
    ((FakeQueues.FakeQp) rig.inner(live))
        .completeRaw(false, "ctx", "never posted", NtStatus.SUCCESS);
    Violation v = only(rig, 23);
    assertEquals(rig.verifier.refOf(live).orElseThrow(), v.object(), v::toString);
  }
}
