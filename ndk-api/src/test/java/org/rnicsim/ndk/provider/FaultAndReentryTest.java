package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/** Surprise removal, and calls from inside callbacks (invariant 33, ndkpi-spec 4 re-entry). */
class FaultAndReentryTest {
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 64, 1));

  @Test
  void surpriseRemovalFailsPendingWorkReportsFatalErrorsAndStillLetsEverythingClose() {
    ProviderRig rig = new ProviderRig();
    List<NtStatus> cqStatuses = new ArrayList<>();
    List<NtStatus> srqStatuses = new ArrayList<>();
    NdkCq cq = rig.cq(64, (ctx, s) -> cqStatuses.add(s), null);
    NdkPd pd = rig.pd();
    NdkSrq srq =
        rig.create(
            cb -> pd.createSrq(16, 1, 0, (c, s) -> srqStatuses.add(s), null, null, cb, null));
    SimQp[] qps = rig.connectedPair(pd, cq);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    NtStatus[] register = new NtStatus[1];
    mr.registerMr(Mdl.of(0, 4096), 4096, 0, (c, s) -> register[0] = s, null);
    ProviderRig.Created<NdkCq> pendingCq =
        rig.startCreate(cb -> rig.adapter.createCq(8, null, null, null, cb, null));
    cq.armCq(NdkCqNotificationType.SOLICITED);
    rig.provider.surpriseRemoval();
    rig.run();
    assertEquals(FirmwareGateway.DEVICE_REMOVED, register[0]);
    assertEquals(FirmwareGateway.DEVICE_REMOVED, pendingCq.callbackStatus);
    assertNull(pendingCq.callbackObject);
    assertEquals(List.of(NtStatus.INTERNAL_ERROR), cqStatuses);
    assertEquals(List.of(NtStatus.INTERNAL_ERROR), srqStatuses);
    assertEquals(NtStatus.INTERNAL_ERROR, qps[0].send("dead", SGL, 0));
    assertEquals(NtStatus.INTERNAL_ERROR, srq.srqReceive("dead", SGL));
    for (var object : List.of(qps[0], qps[1], srq, mr, cq, pd)) {
      rig.closeAndWait(object); // destroy commands fail, closes complete all the same
    }
    rig.provider.closeAdapter(rig.adapter);
  }

  /**
   * Found by the random programs with injected faults: a CQ that fails while unarmed tells the
   * consumer nothing until the next ArmCq, yet from that moment it takes no entry (invariant 18),
   * so a QP closed afterwards cannot deliver its flushed requests there. The verifier hears of the
   * failure through its probe and must not call that close a broken flush (invariant 9).
   */
  @Test
  void aCloseAfterAnUnreportedCqFailureIsNotABrokenFlush() {
    ProviderRig rig =
        ProviderRig.verified(new org.rnicsim.engine.RnicSimulator("unarmed-cq-failure"), b -> {});
    NdkCq cq = rig.cq(64); // never armed: the failure stays unreported
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    NdkQp sender = rig.consumerQps.get(qps[0]);
    NdkQp receiver = rig.consumerQps.get(qps[1]);
    assertEquals(NtStatus.SUCCESS, sender.write("lands before the fault", SGL, 0, 1, 0));
    rig.run(); // one entry in the CQ: the verifier now expects flushed requests there too
    assertEquals(NtStatus.SUCCESS, receiver.receive("waits for a send", SGL));
    rig.provider.surpriseRemoval();
    rig.run();
    for (var object : List.of(receiver, sender, cq, pd)) {
      rig.closeAndWait(object);
    }
    rig.closeAdapter();
    assertEquals(List.of(), rig.verifier.audit());
  }

  @Test
  void invariant33_dispatchLevelCallsWorkFromInsideACallback() {
    ProviderRig rig = new ProviderRig();
    List<String> done = new ArrayList<>();
    NdkCq[] cq = new NdkCq[1];
    NdkPd pd = rig.pd();
    SimQp[][] qps = new SimQp[1][];
    cq[0] =
        rig.cq(
            64,
            (ctx, status) -> {
              NdkResult[] results = new NdkResult[8];
              done.add("poll " + cq[0].getCqResults(results));
              cq[0].armCq(NdkCqNotificationType.ANY);
              done.add("post " + qps[0][0].write("again", SGL, 0, 1, 0).name());
              done.add("create " + pd.createMw((c, s, o) -> {}, null).status().name());
              done.add(
                  "register "
                      + rig.create(cb -> pd.createMr(false, cb, null))
                          .registerMr(
                              Mdl.of(0, 4096), 4096, 0, (c, s) -> done.add("registered"), null)
                          .name());
              done.add("query " + rig.adapter.queryAdapterInfo(1024).status().name());
            },
            null);
    qps[0] = rig.connectedPair(pd, cq[0]);
    cq[0].armCq(NdkCqNotificationType.ANY);
    qps[0][0].write("first", SGL, 0, 1, 0);
    rig.sim.runUntil(() -> done.contains("registered"));
    assertEquals(
        List.of(
            "poll 1",
            "post STATUS_SUCCESS",
            "create STATUS_SUCCESS",
            "register STATUS_PENDING",
            "query STATUS_SUCCESS"),
        done.subList(0, 5));
    assertTrue(done.contains("registered"), "the request made inside the callback completed");
    assertTrue(!rig.provider.runtime().callbacks().insideCallback());
  }
}
