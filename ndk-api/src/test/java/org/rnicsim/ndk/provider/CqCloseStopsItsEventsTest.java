package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Ulong;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;

/**
 * A CQ's close stops its hardware event logic (SimCq.onDestroyed): an event that interrupt
 * moderation was holding back when the close was issued never raises an MSI-X, whichever path the
 * close takes (ndkpi-spec 3, 6).
 */
class CqCloseStopsItsEventsTest {
  private static final ProviderPolicy INLINE_CQ_CLOSE =
      ProviderPolicy.defaults().withClosePath(NdkObjectType.CQ, ControlPath.INLINE);

  @Test
  void aCqDestroyedByFirmwareCommandRaisesNoHeldBackEvent() {
    assertNoInterruptAfterTheClose(ProviderPolicy.defaults(), false, NtStatus.PENDING);
  }

  @Test
  void aCqClosedInlineRaisesNoHeldBackEvent() {
    assertNoInterruptAfterTheClose(INLINE_CQ_CLOSE, false, NtStatus.SUCCESS);
  }

  @Test
  void aCqWhoseInlineCloseWaitedForAResizeRaisesNoHeldBackEvent() {
    assertNoInterruptAfterTheClose(INLINE_CQ_CLOSE, true, NtStatus.PENDING);
  }

  private static void assertNoInterruptAfterTheClose(
      ProviderPolicy policy, boolean resizePending, NtStatus closeStatus) {
    ProviderRig rig = new ProviderRig(policy);
    WatchedCq w = new WatchedCq(rig, 64); // the rig's first CQ: its events go to core 0
    EventQueue events = rig.provider.hardware().completionEventQueue(0);
    // At most one event per millisecond: the next CQE's event waits for the interval.
    assertEquals(NtStatus.SUCCESS, w.cq.controlCqInterruptModeration(1000, Ulong.MAXULONG));
    w.inside = () -> w.cq.armCq(NdkCqNotificationType.ANY);
    w.cq.armCq(NdkCqNotificationType.ANY);
    w.entry(NtStatus.SUCCESS, false);
    rig.run();
    assertEquals(1, w.statuses.size());
    long interrupts = events.interruptCount();
    w.entry(NtStatus.SUCCESS, false); // armed, but held back by the interval
    if (resizePending) {
      assertEquals(NtStatus.PENDING, w.cq.resizeCq(128, (c, s) -> {}, null));
    }
    ProviderRig.Closed closed = rig.close(w.cq);
    rig.run(); // to the end: past the held-back event's time, were it still pending
    assertEquals(closeStatus, closed.status);
    assertTrue(closed.done(), "the close completed");
    assertEquals(interrupts, events.interruptCount(), "no MSI-X for the closed CQ");
    assertEquals(1, w.statuses.size(), "and no notification");
  }
}
