package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;

/** SRQ arming: invariant 32 (ndkpi-spec 4). */
class SrqInvariantsTest {
  private static final List<NdkSge> SGL =
      List.of(new NdkSge(0x1000, 128, ProviderRig.TEST_LOCAL_TOKEN));

  private final ProviderRig rig = new ProviderRig();
  private final List<Long> notifications = new ArrayList<>();
  private final NdkCq cq = rig.cq(256);
  private final NdkPd pd = rig.pd();
  private final NdkSrq srq =
      rig.create(
          cb ->
              pd.createSrq(
                  64, 2, 0, (ctx, s) -> notifications.add(rig.now()), null, null, cb, null));
  private final SimQp sender = (SimQp) rig.qp(pd, cq, "sender");
  private final SimQp receiver =
      (SimQp) rig.create(cb -> pd.createQpWithSrq(cq, cq, srq, "onSrq", 64, 2, 0, cb, null));

  {
    rig.testMemory(pd);
    sender.connectTo(receiver);
  }

  private void post(int receives) {
    for (int i = 0; i < receives; i++) {
      assertEquals(NtStatus.SUCCESS, srq.srqReceive("r" + i, SGL));
    }
  }

  private void send(NdkQp qp, int sends) {
    for (int i = 0; i < sends; i++) {
      assertEquals(NtStatus.SUCCESS, qp.send("s" + i, SGL, 0));
    }
  }

  @Test
  void invariant19_srqReceivesPostedWithSuccessCompleteCancelledWhenTheSrqCloses() {
    post(2);
    rig.run();
    int before = rig.queuedEntries.size();
    ProviderRig.Closed srqClose = rig.close(srq);
    assertEquals(NtStatus.PENDING, srqClose.status, "its QP is still on it (invariant 10)");
    rig.close(receiver);
    rig.run();
    List<String> flushed = new ArrayList<>();
    for (NdkResultEx entry : rig.queuedEntries.subList(before, rig.queuedEntries.size())) {
      flushed.add(entry.requestContext() + " " + entry.qpContext() + " " + entry.status());
    }
    assertEquals(
        List.of("r0 onSrq " + NtStatus.CANCELLED, "r1 onSrq " + NtStatus.CANCELLED), flushed);
    assertEquals(1, srqClose.callbacks);
  }

  @Test
  void invariant32_modifySrqWithAThresholdAboveTheQueuedCountFiresAtOnceAndOnlyOnce() {
    post(3);
    rig.run();
    assertEquals(NtStatus.SUCCESS, srq.modifySrq(0, 5, (c, s) -> {}, null));
    rig.run();
    assertEquals(1, notifications.size(), "3 queued < 5: fires at once");
    send(sender, 3);
    rig.run();
    assertEquals(1, notifications.size(), "one-shot: disarmed until the next ModifySrq");
  }

  @Test
  void invariant32_anArmedSrqFiresOnceWhenConsumptionDropsBelowTheThreshold() {
    post(4);
    rig.run();
    NtStatus[] modified = new NtStatus[1];
    assertEquals(NtStatus.PENDING, srq.modifySrq(128, 2, (c, s) -> modified[0] = s, null));
    rig.run();
    assertEquals(NtStatus.SUCCESS, modified[0]);
    assertEquals(List.of(), notifications, "4 queued >= 2: armed, quiet");
    send(sender, 2);
    rig.run();
    assertEquals(List.of(), notifications, "2 left, not below 2");
    send(sender, 2);
    rig.run();
    assertEquals(1, notifications.size(), "1 left, below 2: fired once");
  }
}
