package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** Invariants 1-4 and 30: creates (ndkpi-spec 2). */
class CreateInvariantsTest {

  private final Rig rig = new Rig();
  private final List<String> delivered = new ArrayList<>();

  private NdkCreateResult<NdkPd> createPd() {
    return rig.adapter.createPd((ctx, status, object) -> delivered.add(status + " " + object), "c");
  }

  @Test
  void wellBehavedPendingAndInlineCreatesAreClean() {
    rig.fake.createAnswer = NtStatus.PENDING;
    assertTrue(createPd().isPending());
    rig.advance(1_000);
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    assertEquals(1, delivered.size());
    rig.fake.createAnswer = NtStatus.SUCCESS;
    NdkCreateResult<NdkPd> inline = createPd();
    assertTrue(inline.isSuccess());
    assertTrue(inline.object() instanceof VerifyingPd, "the consumer gets the wrapper");
    rig.fake.createAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES, createPd().status());
    rig.assertClean();
  }

  @Test
  void invariant01_createCompletionAfterAnInlineSuccessIsReported() {
    rig.fake.duringCall = call -> call.completeCreate(NtStatus.SUCCESS);
    createPd();
    rig.assertOnly(1, Side.PROVIDER);
  }

  @Test
  void invariant01_createCompletionRunningTwiceIsReported() {
    rig.fake.createAnswer = NtStatus.PENDING;
    createPd();
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    rig.assertOnly(1, Side.PROVIDER);
  }

  @Test
  void invariant01_pendingCreateThatNeverCompletesIsReportedByTheAudit() {
    rig.fake.createAnswer = NtStatus.PENDING;
    createPd();
    assertTrue(rig.reported().isEmpty(), "nothing is wrong until the run is over");
    rig.assertOnly(1, Side.PROVIDER);
  }

  @Test
  void invariant01_inlineCompletionOfAPendingCreateIsFine() {
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.fake.duringCall = call -> call.completeCreate(NtStatus.SUCCESS);
    createPd();
    assertEquals(1, delivered.size());
    rig.assertClean();
  }

  @Test
  void invariant02_pendingCreateSucceedingWithoutAnObjectIsReported() {
    rig.fake.createAnswer = NtStatus.PENDING;
    createPd();
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, null);
    rig.assertOnly(2, Side.PROVIDER);
  }

  @Test
  void invariant02_deliveringAnObjectThatWasAlreadyDeliveredIsReported() {
    NdkPd first = createPd().object();
    rig.fake.createAnswer = NtStatus.PENDING;
    createPd();
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, rig.inner(first));
    rig.assertOnly(2, Side.PROVIDER);
  }

  @Test
  void invariant03_failedPendingCreateDeliveringAnObjectIsReported() {
    rig.fake.createAnswer = NtStatus.PENDING;
    createPd();
    FakeProvider.Call call = rig.fake.last("CreatePd");
    call.completeCreateWith(NtStatus.INSUFFICIENT_RESOURCES, call.created);
    assertEquals(List.of(NtStatus.INSUFFICIENT_RESOURCES + " null"), delivered);
    rig.assertOnly(3, Side.PROVIDER);
  }

  @Test
  void invariant03_notificationForACqWhoseCreateFailedIsReported() {
    rig.fake.createAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    rig.adapter.createCq(16, (ctx, status) -> {}, null, null, null, null);
    FakeQueues.FakeCq failed = (FakeQueues.FakeCq) rig.fake.last("CreateCq").created;
    failed.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(3, Side.PROVIDER);
  }

  @Test
  void invariant04_wrongObjectTypeInTheHeaderIsReported() {
    rig.fake.headers = (type, version) -> new NdkObjectHeader(version, NdkObjectType.UNDEFINED);
    createPd();
    rig.assertOnly(4, Side.PROVIDER);
  }

  @Test
  void invariant04_wrongVersionInTheHeaderIsReported() {
    rig.fake.headers = (type, version) -> new NdkObjectHeader(NdkVersion.V1_1, type);
    createPd();
    rig.assertOnly(4, Side.PROVIDER);
  }

  @Test
  void invariant04_providerWritingNdkReservedAfterDeliveryIsReported() {
    NdkPd pd = createPd().object();
    NdkObject inner = rig.inner(pd);
    inner.header().setNdkReserved(2, 0xBAD);
    pd.getPrivilegedMemoryRegionToken();
    pd.getPrivilegedMemoryRegionToken();
    rig.assertOnly(4, Side.PROVIDER);
    assertEquals(1, rig.verifier.violations().size(), "reported once per object");
  }

  @Test
  void invariant04_providerCallingTheObjectItHandedOutIsReported() {
    NdkCq cq = rig.cq();
    NdkPd pd = rig.pd();
    // The provider keeps the consumer's handle and calls through it (reads its Dispatch).
    rig.fake.duringCall = call -> cq.armCq(NdkCqNotificationType.ANY);
    pd.createMw(null, null);
    rig.assertOnly(4, Side.PROVIDER);
  }

  @Test
  void invariant30_cqDeeperThanMaxCqDepthAcceptedIsReported() {
    NdkCreateResult<NdkCq> result =
        rig.adapter.createCq(rig.fake.info().maxCqDepth() + 1, null, null, null, null, null);
    assertTrue(result.isSuccess());
    rig.assertOnly(30, Side.PROVIDER);
  }

  @Test
  void invariant30_qpAboveAnAdapterMaximumRejectedWithTheWrongStatusIsReported() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    rig.fake.createAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    pd.createQp(cq, cq, "qp", 16, 16, 2, 2, 4096, null, null);
    rig.assertOnly(30, Side.PROVIDER);
  }

  @Test
  void invariant30_srqAboveMaxSrqDepthAcceptedAsynchronouslyIsReported() {
    NdkPd pd = rig.pd();
    rig.fake.createAnswer = NtStatus.PENDING;
    pd.createSrq(100_000, 1, 0, null, null, null, (ctx, status, object) -> {}, null);
    rig.fake.last("CreateSrq").completeCreate(NtStatus.SUCCESS);
    rig.assertOnly(30, Side.PROVIDER);
  }

  @Test
  void invariant30_limitsRefusedWithInvalidParameterAreClean() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    rig.fake.createAnswer = NtStatus.INVALID_PARAMETER;
    assertNull(rig.adapter.createCq(1 << 20, null, null, null, null, null).object());
    pd.createQp(cq, cq, "qp", 1 << 20, 16, 2, 2, 0, null, null);
    rig.assertClean();
  }

  @Test
  void consumerGetsTheWrapperFromAPendingCreate() {
    rig.fake.createAnswer = NtStatus.PENDING;
    NdkObject[] got = new NdkObject[1];
    rig.adapter.createPd((ctx, status, object) -> got[0] = object, null);
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS);
    assertNotNull(got[0]);
    assertTrue(got[0] instanceof VerifyingPd);
    assertSame(rig.fake.last("CreatePd").created, rig.inner(got[0]));
  }
}
