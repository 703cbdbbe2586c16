package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.Ulong;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderDefaults;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;

/** CQ arming, notifications and errors: invariants 14-18 and 31 (ndkpi-spec 4, 6). */
class CqInvariantsTest {
  private static final long US = SimTime.PS_PER_US;
  private static final long NOTIFY_COST =
      ProviderPolicy.defaults().callbackCostPs(CallbackKind.CQ_NOTIFICATION);

  @Test
  void invariant14_notificationRunsOnlyWhileArmedAndOncePerArm() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(List.of(), w.statuses, "never armed: never notified");
    w.cq.armCq(NdkCqNotificationType.ANY);
    rig.run();
    assertEquals(1, w.statuses.size(), "the entry that arrived unarmed is fresh: armed, notified");
    long t = rig.now();
    for (int i = 1; i <= 5; i++) {
      w.entryAt(t + i * US, NtStatus.SUCCESS, false);
    }
    rig.run();
    assertEquals(1, w.statuses.size(), "the arm was used up: later entries notify nobody");
    assertEquals(null, w.cq.arm());
  }

  @Test
  void invariant15_notificationsOnOneCqNeverOverlapEvenWhenReArmedInside() {
    assertNoOverlap(ProviderPolicy.defaults());
  }

  @Test
  void invariant15_noOverlapWhenANotificationOutlastsTheInterruptPath() {
    assertNoOverlap(
        ProviderPolicy.defaults().withCallbackCostPs(CallbackKind.CQ_NOTIFICATION, 10 * US));
  }

  private static void assertNoOverlap(ProviderPolicy policy) {
    long cost = policy.callbackCostPs(CallbackKind.CQ_NOTIFICATION);
    ProviderRig rig = new ProviderRig(policy);
    WatchedCq w = new WatchedCq(rig, 1024);
    w.inside = () -> w.cq.armCq(NdkCqNotificationType.ANY);
    w.cq.armCq(NdkCqNotificationType.ANY);
    long t0 = rig.now();
    for (int i = 0; i < 40; i++) {
      w.entryAt(t0 + i * 500 * SimTime.PS_PER_NS, NtStatus.SUCCESS, false);
    }
    rig.run();
    assertTrue(w.startsPs.size() >= 2, "several notifications: " + w.startsPs.size());
    for (int i = 1; i < w.startsPs.size(); i++) {
      assertTrue(
          w.startsPs.get(i) >= w.startsPs.get(i - 1) + cost,
          "notification " + i + " started before the previous one returned");
    }
  }

  @Test
  void invariant16_reArmingBeforeItFiresKeepsTheStrongerType() {
    ProviderRig rig = new ProviderRig();
    WatchedCq anyThenSolicited = new WatchedCq(rig, 64);
    anyThenSolicited.cq.armCq(NdkCqNotificationType.ANY);
    anyThenSolicited.cq.armCq(NdkCqNotificationType.SOLICITED);
    assertEquals(NdkCqNotificationType.ANY, anyThenSolicited.cq.arm());
    anyThenSolicited.entry(NtStatus.SUCCESS, false);
    WatchedCq errorsThenSolicited = new WatchedCq(rig, 64);
    errorsThenSolicited.cq.armCq(NdkCqNotificationType.ERRORS);
    errorsThenSolicited.cq.armCq(NdkCqNotificationType.SOLICITED);
    assertEquals(NdkCqNotificationType.SOLICITED, errorsThenSolicited.cq.arm());
    errorsThenSolicited.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(1, anyThenSolicited.statuses.size(), "ANY survives a weaker re-arm");
    assertEquals(List.of(), errorsThenSolicited.statuses, "an unsolicited receive: no event");
    errorsThenSolicited.entry(NtStatus.SUCCESS, true);
    rig.run();
    assertEquals(1, errorsThenSolicited.statuses.size(), "SOLICITED beat ERRORS");
  }

  @Test
  void invariant17_armingOverEntriesSinceTheLastNotificationNotifiesWithoutANewOne() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    long armedAt = rig.now();
    w.cq.armCq(NdkCqNotificationType.ANY);
    rig.run();
    assertEquals(1, w.statuses.size());
    assertTrue(w.startsPs.get(0) - armedAt < 10 * US, "at once: through the interrupt path");
    // A SOLICITED arm over an unsolicited fresh entry waits (Interp of invariant 17).
    w.entry(NtStatus.SUCCESS, false);
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    rig.run();
    assertEquals(1, w.statuses.size());
  }

  @Test
  void invariant17_holdsWhenTheHardwareAlreadyReportedTheEntriesInADroppedEvent() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.cq.armCq(NdkCqNotificationType.ERRORS); // hardware armed SOLICITED
    w.entry(NtStatus.SUCCESS, true); // raises a hardware event the ERRORS arm does not want
    rig.run();
    assertEquals(List.of(), w.statuses);
    w.cq.armCq(NdkCqNotificationType.ANY); // that entry is fresh, the hardware thinks it reported
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS), w.statuses);
  }

  @Test
  void invariant18_afterOverflowTheCqQueuesNothingMoreAndItsQpsRefusePosts() {
    ProviderRig rig = new ProviderRig();
    List<NtStatus> statuses = new ArrayList<>();
    NdkCq cq = rig.cq(2, (ctx, status) -> statuses.add(status), null);
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    cq.armCq(NdkCqNotificationType.ERRORS);
    List<NdkSge> sgl = List.of(new NdkSge(0x1000, 64, 1));
    for (int i = 0; i < 3; i++) {
      assertEquals(NtStatus.SUCCESS, qps[0].write("w" + i, sgl, 0x2000, 5, 0));
    }
    rig.run();
    assertEquals(List.of(NtStatus.BUFFER_OVERFLOW), statuses);
    assertTrue(((SimCq) cq).isInError());
    assertEquals(NtStatus.INTERNAL_ERROR, qps[0].write("late", sgl, 0x2000, 5, 0));
    assertEquals(NtStatus.INTERNAL_ERROR, qps[1].receive("late", sgl));
    ((SimCq) cq)
        .queueEntry(
            new NdkResultEx(NtStatus.SUCCESS, 0, "qp", "x", NdkOperationType.SEND, 0, 0), false);
    NdkResult[] results = new NdkResult[8];
    assertEquals(2, cq.getCqResults(results), "the two entries before the overflow stay");
    cq.armCq(NdkCqNotificationType.ANY);
    rig.run();
    assertEquals(1, statuses.size(), "an error is reported once; nothing follows it");
  }

  @Test
  void invariant18_aFatalErrorWhileUnarmedIsReportedAtTheNextArm() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.cq.injectFatalError();
    rig.run();
    assertEquals(List.of(), w.statuses, "unarmed: not reported yet (Interp)");
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    rig.run();
    assertEquals(List.of(NtStatus.INTERNAL_ERROR), w.statuses);
    w.entry(NtStatus.SUCCESS, false);
    assertEquals(0, w.cq.queuedEntries(), "a failed CQ takes no entry");
  }

  @Test
  void invariant31_moderationIsNotSupportedIffTheAdapterFlagIsClear() {
    NdkAdapterInfo withoutFlag =
        ProviderDefaults.adapterInfo().toBuilder()
            .adapterFlags(NdkAdapterFlag.CQ_RESIZE_SUPPORTED)
            .build();
    ProviderRig plain =
        new ProviderRig(b -> b.capabilities(ProviderDefaults.capabilities(withoutFlag)));
    NdkCq cq = plain.cq(64);
    assertEquals(NtStatus.NOT_SUPPORTED, cq.controlCqInterruptModeration(8, 16));
    assertEquals(NtStatus.NOT_SUPPORTED, cq.controlCqInterruptModeration(0, 0));
    ProviderRig moderated = new ProviderRig();
    assertEquals(NtStatus.SUCCESS, moderated.cq(64).controlCqInterruptModeration(8, 16));
  }

  @Test
  void moderationCountHoldsTheNotificationUntilEnoughCompletions() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    assertEquals(NtStatus.SUCCESS, w.cq.controlCqInterruptModeration(Ulong.MAXULONG, 4));
    w.cq.armCq(NdkCqNotificationType.ANY);
    for (int i = 0; i < 3; i++) {
      w.entryAt(rig.now() + (i + 1) * US, NtStatus.SUCCESS, false);
    }
    rig.run();
    assertEquals(List.of(), w.statuses, "three completions, count 4, no interval: no event");
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(1, w.statuses.size());
  }

  @Test
  void moderationIntervalDelaysTheNotificationByAtMostTheInterval() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    // Two CQEs in a row: the second waits for the interval since the previous event.
    assertEquals(NtStatus.SUCCESS, w.cq.controlCqInterruptModeration(20, Ulong.MAXULONG));
    w.cq.armCq(NdkCqNotificationType.ANY);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    long first = w.startsPs.get(0);
    w.cq.armCq(NdkCqNotificationType.ANY);
    w.entry(NtStatus.SUCCESS, false);
    long secondEntry = rig.now();
    rig.run();
    long gap = w.startsPs.get(1) - secondEntry;
    assertTrue(gap > 10 * US && gap < 30 * US, "held by the 20 us interval, gap " + gap);
    assertTrue(w.startsPs.get(1) > first);
  }

  @Test
  void resizeCqRefusesDepthsAboveTheMaximumAndWithoutTheFlag() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    long max = rig.provider.runtime().adapterInfo().maxCqDepth();
    assertEquals(NtStatus.INVALID_PARAMETER, cq.resizeCq(max + 1, (c, s) -> {}, null));
    NtStatus[] done = new NtStatus[1];
    assertEquals(NtStatus.PENDING, cq.resizeCq(128, (c, s) -> done[0] = s, null));
    rig.run();
    assertEquals(NtStatus.SUCCESS, done[0]);
    assertEquals(128, ((SimCq) cq).depth());
    NdkAdapterInfo noResize =
        ProviderDefaults.adapterInfo().toBuilder()
            .adapterFlags(NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED)
            .build();
    ProviderRig other =
        new ProviderRig(b -> b.capabilities(ProviderDefaults.capabilities(noResize)));
    assertEquals(NtStatus.NOT_SUPPORTED, other.cq(8).resizeCq(16, (c, s) -> {}, null));
  }

  @Test
  void resizeCqAcceptsADepthDownToTheEntriesQueuedAndNoLower() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    assertEquals(NtStatus.INVALID_PARAMETER, w.cq.resizeCq(0, (c, s) -> {}, null), "empty CQ");
    for (int i = 0; i < 3; i++) {
      w.entry(NtStatus.SUCCESS, false);
    }
    assertEquals(NtStatus.INVALID_PARAMETER, w.cq.resizeCq(2, (c, s) -> {}, null), "3 queued");
    NtStatus[] done = new NtStatus[1];
    assertEquals(NtStatus.PENDING, w.cq.resizeCq(3, (c, s) -> done[0] = s, null));
    rig.run();
    assertEquals(NtStatus.SUCCESS, done[0]);
    assertEquals(3, w.cq.depth());
    long max = rig.provider.runtime().adapterInfo().maxCqDepth();
    assertEquals(NtStatus.PENDING, w.cq.resizeCq(max, (c, s) -> done[0] = s, null));
    rig.run();
    assertEquals(max, w.cq.depth());
  }

  @Test
  void invariant16_anErrorsArmSleepsThroughSolicitedSuccessesAndWakesForAFailure() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.cq.armCq(NdkCqNotificationType.ERRORS);
    w.entry(NtStatus.SUCCESS, true);
    rig.run();
    assertEquals(List.of(), w.statuses, "a solicited success does not satisfy an ERRORS arm");
    w.entry(NtStatus.CANCELLED, false);
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS), w.statuses, "the failed completion wakes it");
  }

  @Test
  void invariant16_aSolicitedArmSleepsThroughPlainSuccessesAndWakesForASolicitedOne() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 64);
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(List.of(), w.statuses);
    w.entry(NtStatus.SUCCESS, true);
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS), w.statuses);
    // Re-armed for SOLICITED after a failed completion landed unarmed: the failure counts.
    w.entry(NtStatus.CANCELLED, false);
    rig.run();
    w.cq.armCq(NdkCqNotificationType.SOLICITED);
    rig.run();
    assertEquals(2, w.statuses.size(), "a failure is solicited for the arm");
  }

  @Test
  void consumerRuleC1_everyCqCallAfterTheCloseIsMisuseNamingTheCall() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(8);
    rig.closeAndWait(cq);
    Map<String, Executable> calls = new LinkedHashMap<>();
    calls.put("ArmCq", () -> cq.armCq(NdkCqNotificationType.ANY));
    calls.put("GetCqResults", () -> cq.getCqResults(new NdkResult[1]));
    calls.put("GetCqResultsEx", () -> cq.getCqResultsEx(new NdkResultEx[1]));
    calls.put("ResizeCq", () -> cq.resizeCq(16, (c, s) -> {}, null));
    calls.put("ControlCqInterruptModeration", () -> cq.controlCqInterruptModeration(8, 16));
    calls.forEach(
        (name, call) -> {
          NdkMisuseException e = assertThrows(NdkMisuseException.class, call, name);
          assertEquals("C1", e.rule());
          assertTrue(e.getMessage().contains(name + " on CQ"), e.getMessage());
        });
  }

  @Test
  void invariant14_anEntryThatLandedUnarmedIsNotifiedThroughTheInterruptOnceArmed() {
    for (NdkCqNotificationType type :
        List.of(NdkCqNotificationType.ANY, NdkCqNotificationType.SOLICITED)) {
      ProviderRig rig = new ProviderRig();
      RecordingSink sink = new RecordingSink();
      rig.sim.trace().addSink(sink);
      WatchedCq w = new WatchedCq(rig, 64);
      // ANY is satisfied by a plain completion; SOLICITED needs a solicited one.
      w.entry(NtStatus.SUCCESS, type == NdkCqNotificationType.SOLICITED);
      rig.run();
      long armedPs = rig.now();
      w.cq.armCq(type);
      rig.run();
      assertEquals(1, w.statuses.size(), type.toString());
      long isrPs =
          sink.eventsOf(InterruptTraceEvent.IsrStarted.class).stream()
              .mapToLong(InterruptTraceEvent.IsrStarted::timePs)
              .filter(t -> t >= armedPs)
              .min()
              .orElseThrow();
      // The arm asks the hardware, which still holds the unreported CQE, for an event; the
      // provider does not notify on its own ahead of it (and twice with it).
      assertTrue(w.startsPs.get(0) > isrPs, type + " notified before the interrupt");
    }
  }

  @Test
  void invariant18_anOverflowDuringANotificationIsReportedByTheNextOneAfterItReturned() {
    ProviderRig rig = new ProviderRig();
    WatchedCq w = new WatchedCq(rig, 1);
    List<Long> returnsPs = new ArrayList<>();
    w.inside =
        () -> {
          returnsPs.add(rig.now() + NOTIFY_COST);
          if (w.statuses.size() == 1) {
            w.cq.getCqResultsEx(new NdkResultEx[1]);
            w.cq.armCq(NdkCqNotificationType.ANY);
            // Two completions land while the callback still runs: the second overflows the CQ.
            w.entryAt(rig.now() + 1, NtStatus.SUCCESS, false);
            w.entryAt(rig.now() + 2, NtStatus.SUCCESS, false);
          }
        };
    w.cq.armCq(NdkCqNotificationType.ANY);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.BUFFER_OVERFLOW), w.statuses);
    assertTrue(
        w.startsPs.get(1) >= returnsPs.get(0),
        "the overflow's notification waited for the running one to return");
    assertEquals(NtStatus.BUFFER_OVERFLOW, w.cq.error());
  }
}
