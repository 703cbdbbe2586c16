package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** Invariants 31-34: interrupt moderation, SRQ arming, IRQL, version negotiation. */
class AdapterInvariantsTest {

  private final Rig rig = new Rig();

  private NdkOpenAdapterResult open(NdkVersion version) {
    return rig.provider.openAdapter(NdisOpenNdkAdapterParameters.of(version));
  }

  @Test
  void invariant31_moderationAcceptedWithoutTheFlagIsReported() {
    rig.fake.moderationAnswer = NtStatus.SUCCESS;
    rig.cq().controlCqInterruptModeration(8, 16);
    rig.assertOnly(31, Side.PROVIDER);
  }

  @Test
  void invariant31_moderationRefusedDespiteTheFlagIsReported() {
    Rig flagged =
        new Rig(
            VerifierMode.COLLECTING,
            true,
            fake -> fake.adapterFlags = NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED.value());
    flagged.fake.moderationAnswer = NtStatus.NOT_SUPPORTED;
    flagged.cq().controlCqInterruptModeration(8, 16);
    flagged.assertOnly(31, Side.PROVIDER);
  }

  @Test
  void invariant31_moderationReturningPendingIsReported() {
    rig.fake.moderationAnswer = NtStatus.PENDING;
    rig.cq().controlCqInterruptModeration(8, 16);
    rig.assertOnly(31, Side.PROVIDER);
  }

  @Test
  void invariant31_moderationAnsweredByTheFlagIsClean() {
    assertEquals(NtStatus.NOT_SUPPORTED, rig.cq().controlCqInterruptModeration(8, 16));
    Rig flagged =
        new Rig(
            VerifierMode.COLLECTING,
            true,
            fake -> fake.adapterFlags = NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED.value());
    assertEquals(NtStatus.SUCCESS, flagged.cq().controlCqInterruptModeration(8, 16));
    rig.assertClean();
    flagged.assertClean();
  }

  private NdkSrq srq(NdkPd pd) {
    return pd.createSrq(64, 1, 0, (ctx, status) -> {}, null, null, null, null).object();
  }

  @Test
  void invariant32_srqNotificationWithoutAnArmIsReported() {
    NdkSrq srq = srq(rig.pd());
    ((FakeQueues.FakeSrq) rig.inner(srq)).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(32, Side.PROVIDER);
  }

  @Test
  void invariant32_srqNotificationTwiceForOneArmIsReported() {
    NdkSrq srq = srq(rig.pd());
    rig.fake.requestAnswer = NtStatus.SUCCESS;
    srq.modifySrq(0, 4, (ctx, status) -> {}, null);
    FakeQueues.FakeSrq fake = rig.inner(srq);
    fake.notifyConsumer(NtStatus.SUCCESS);
    fake.notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(32, Side.PROVIDER);
  }

  @Test
  void invariant32_modifySrqAboveTheQueuedCountWithoutANotificationIsReported() {
    NdkSrq srq = srq(rig.pd());
    srq.srqReceive("r1", Rig.SGL);
    srq.modifySrq(0, 4, (ctx, status) -> {}, null); // 1 queued < 4: due at once
    rig.fake.last("ModifySrq").completeRequest(NtStatus.SUCCESS);
    rig.assertOnly(32, Side.PROVIDER);
  }

  @Test
  void invariant32_modifySrqAnsweredAtOnceIsClean() {
    NdkSrq srq = srq(rig.pd());
    srq.srqReceive("r1", Rig.SGL);
    rig.fake.duringCall =
        call -> ((FakeQueues.FakeSrq) rig.inner(srq)).notifyConsumer(NtStatus.SUCCESS);
    srq.modifySrq(0, 4, (ctx, status) -> {}, null);
    rig.fake.duringCall = call -> {};
    rig.fake.last("ModifySrq").completeRequest(NtStatus.SUCCESS);
    rig.assertClean();
  }

  @Test
  void invariant33_queryAdapterInfoFromACallbackIsReported() {
    NdkCq cq = rig.cq((ctx, status) -> rig.adapter.queryAdapterInfo(1024));
    cq.armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(33, Side.CONSUMER);
  }

  @Test
  void invariant33_openAdapterFromACallbackIsReported() {
    NdkCq cq = rig.cq((ctx, status) -> open(NdkVersion.V1_2));
    cq.armCq(NdkCqNotificationType.ANY);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.assertOnly(33, Side.CONSUMER);
  }

  @Test
  void invariant33_passiveCallsOutsideCallbacksAreClean() {
    rig.adapter.queryAdapterInfo(1024);
    open(NdkVersion.V1_1);
    rig.assertClean();
  }

  @Test
  void invariant34_higherMinorAcceptedIsReported() {
    rig.fake.openAnswer = NdisStatus.SUCCESS;
    open(new NdkVersion(1, 3));
    rig.assertOnly(34, Side.PROVIDER);
  }

  @Test
  void invariant34_adapterNotReportingTheHighestMinorIsReported() {
    rig.fake.adapterClaims = NdkVersion.V1_1;
    open(NdkVersion.V1_1);
    rig.assertOnly(34, Side.PROVIDER);
  }

  @Test
  void invariant34_supportedVersionRefusedIsReported() {
    rig.fake.openAnswer = NdisStatus.BAD_VERSION;
    open(NdkVersion.V1_1);
    rig.assertOnly(34, Side.PROVIDER);
  }

  @Test
  void invariant34_negotiationDoneRightIsClean() {
    assertEquals(NdisStatus.BAD_VERSION, open(new NdkVersion(2, 0)).status());
    assertEquals(NdisStatus.BAD_VERSION, open(new NdkVersion(1, 3)).status());
    NdkOpenAdapterResult older = open(NdkVersion.V1_1);
    assertEquals(NdkVersion.V1_2, older.adapter().header().version());
    rig.assertClean();
  }
}
