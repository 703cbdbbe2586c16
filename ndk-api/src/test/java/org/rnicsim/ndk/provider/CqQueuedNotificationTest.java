package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.Ulong;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * Arms, errors and settings that meet a CQ notification the provider has already queued, and the CQ
 * calls' refusals (invariants 14, 17, 18; ndkpi-spec 4, CQ arming; ndkpi-spec 6).
 */
class CqQueuedNotificationTest {
  private static final long US = SimTime.PS_PER_US;
  private static final long NOTIFY_COST =
      ProviderPolicy.defaults().callbackCostPs(CallbackKind.CQ_NOTIFICATION);

  /**
   * A CQ holding one successful solicited entry that arrived under an ERRORS arm: the hardware
   * reported it in an event the provider dropped, so only the provider knows it is fresh.
   */
  private static WatchedCq withSolicitedEntryAlreadyReported(ProviderRig rig) {
    WatchedCq w = new WatchedCq(rig, 64);
    w.cq.armCq(NdkCqNotificationType.ERRORS);
    w.entry(NtStatus.SUCCESS, true);
    rig.run();
    assertEquals(List.of(), w.statuses, "a solicited success does not satisfy ERRORS");
    return w;
  }

  @Test
  void invariant17_aSolicitedArmOverASolicitedEntryTheHardwareAlreadyReportedNotifiesAtOnce() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = withSolicitedEntryAlreadyReported(rig);
    long armedPs = rig.now();
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS), w.statuses, "no new completion needed");
    assertTrue(w.startsPs.get(0) - armedPs < 10 * US, "at once: " + (w.startsPs.get(0) - armedPs));
  }

  @Test
  void invariant14_armingAgainBeforeTheQueuedNotificationStartsAddsNoSecondNotification() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = withSolicitedEntryAlreadyReported(rig);
    List<Integer> drained = new ArrayList<>();
    w.inside =
        () -> {
          drained.add(w.cq.getCqResultsEx(new NdkResultEx[8]));
          w.cq.armCq(NdkCqNotificationType.ANY);
        };
    w.cq.armCq(NdkCqNotificationType.SOLICITED); // the provider queues the notification itself
    w.cq.armCq(NdkCqNotificationType.ANY); // re-armed before it started: still that one entry
    rig.run();
    assertEquals(List.of(1), drained, "one notification, and it found the entry");
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(List.of(1, 1), drained, "the arm taken inside waits for the next completion");
  }

  @Test
  void invariant18_aFatalErrorWhileANotificationIsQueuedIsReportedRightAfterItReturns() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = withSolicitedEntryAlreadyReported(rig);
    List<Long> returnsPs = new ArrayList<>();
    w.inside =
        () -> {
          returnsPs.add(rig.now() + NOTIFY_COST);
          if (w.statuses.size() == 1) {
            w.cq.armCq(NdkCqNotificationType.ANY);
          }
        };
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    w.cq.armCq(NdkCqNotificationType.ANY);
    w.cq.injectFatalError(); // while the notification for the entry is queued
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.INTERNAL_ERROR), w.statuses);
    assertTrue(
        w.startsPs.get(1) >= returnsPs.get(0), "the error waited for the running one to return");
  }

  @Test
  void moderationRefusesValuesBeyondAUlongAndKeepsTheEarlierSetting() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    assertEquals(NtStatus.SUCCESS, w.cq.controlCqInterruptModeration(Ulong.MAXULONG, 4));
    long beyond = Ulong.MAXULONG + 1;
    for (long[] args : new long[][] {{-1, 1}, {beyond, 1}, {0, -1}, {0, beyond}}) {
      assertEquals(
          NtStatus.INVALID_PARAMETER,
          w.cq.controlCqInterruptModeration(args[0], args[1]),
          "interval " + args[0] + ", count " + args[1]);
    }
    w.cq.armCq(NdkCqNotificationType.ANY);
    for (int i = 0; i < 3; i++) {
      w.entryAt(rig.now() + (i + 1) * US, NtStatus.SUCCESS, false);
    }
    rig.run();
    assertEquals(List.of(), w.statuses, "count 4 still governs: three completions, no event");
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS), w.statuses);
  }

  @Test
  void resizeCqAsksTheFirmwareForTheRingsWholePagesOf64ByteEntries() {
    long perPagePs = US;
    FirmwareConfig firmware =
        ReferenceProfiles.connectX4EdrGen3x16()
            .firmware()
            .config()
            .withLatency(
                FirmwareCommandKind.RESIZE_CQ,
                new CommandLatency.PerPage(new CommandLatency.Fixed(10 * US), perPagePs));
    ProviderRig rig =
        new ProviderRig(b -> b.hardware(HardwareConfig.assumedDefaults().withFirmware(firmware)));
    NdkCq cq = rig.cq(8);
    long[] depths = {64, 65, 4096};
    long[] tookPs = new long[depths.length];
    for (int i = 0; i < depths.length; i++) {
      int at = i;
      long startPs = rig.now();
      assertEquals(
          NtStatus.PENDING, cq.resizeCq(depths[i], (c, s) -> tookPs[at] = rig.now() - startPs, 0));
      rig.run();
    }
    assertEquals(perPagePs, tookPs[1] - tookPs[0], "65 entries need a second 4 KiB page");
    assertEquals(63 * perPagePs, tookPs[2] - tookPs[0], "4096 entries fill 64 pages, 64 one");
  }
}
