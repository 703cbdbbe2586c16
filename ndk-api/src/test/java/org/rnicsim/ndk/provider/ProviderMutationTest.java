package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;

/**
 * Each deliberately broken variant really breaks its invariant, so a verifier test that runs it and
 * expects that invariant number has something to catch.
 */
class ProviderMutationTest {
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 64, 1));
  private static final ProviderPolicy INLINE =
      ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE);

  private static ProviderRig broken(ProviderMutation mutation, ProviderPolicy policy) {
    return new ProviderRig(b -> b.policy(policy).mutations(Set.of(mutation)));
  }

  private static NdkResultEx entry() {
    return new NdkResultEx(NtStatus.SUCCESS, 0, "qp", "r", NdkOperationType.SEND, 0, 0);
  }

  @Test
  void everyVariantNamesAnInvariant() {
    assertEquals(25, EnumSet.allOf(ProviderMutation.class).size());
    for (ProviderMutation m : ProviderMutation.values()) {
      assertTrue(m.invariant() >= 1 && m.invariant() <= 34);
    }
  }

  @Test
  void createCompletionAfterInlineSuccess_breaksInvariant01() {
    ProviderRig rig = broken(ProviderMutation.CREATE_COMPLETION_AFTER_INLINE_SUCCESS, INLINE);
    ProviderRig.Created<NdkPd> created = rig.startCreate(cb -> rig.adapter.createPd(cb, null));
    rig.run();
    assertEquals(NtStatus.SUCCESS, created.inlineStatus);
    assertEquals(1, created.callbacks);
  }

  @Test
  void closeCompletionAfterSuccess_breaksInvariant05() {
    ProviderRig rig = broken(ProviderMutation.CLOSE_COMPLETION_AFTER_SUCCESS, INLINE);
    ProviderRig.Closed closed = rig.close(rig.pd());
    rig.run();
    assertEquals(NtStatus.SUCCESS, closed.status);
    assertEquals(1, closed.callbacks);
  }

  @Test
  void callbackAfterClose_breaksInvariant06() {
    ProviderRig rig = broken(ProviderMutation.CALLBACK_AFTER_CLOSE, ProviderPolicy.defaults());
    List<Long> notified = new ArrayList<>();
    NdkCq cq = rig.cq(8, (c, s) -> notified.add(rig.now()), null);
    ProviderRig.Closed closed = rig.close(cq);
    rig.run();
    assertEquals(1, notified.size());
    assertTrue(notified.get(0) > closed.callbackPs);
  }

  @Test
  void closeWhileCallbackRuns_breaksInvariant08() {
    ProviderRig rig = broken(ProviderMutation.CLOSE_WHILE_CALLBACK_RUNS, INLINE);
    NdkCq[] cq = new NdkCq[1];
    ProviderRig.Closed[] closed = new ProviderRig.Closed[1];
    long[] at = new long[1];
    cq[0] =
        rig.cq(
            8,
            (c, s) -> {
              at[0] = rig.now();
              closed[0] = rig.close(cq[0]);
            },
            null);
    cq[0].armCq(NdkCqNotificationType.ANY);
    ((SimCq) cq[0]).queueEntry(entry(), false);
    rig.run();
    assertEquals(NtStatus.SUCCESS, closed[0].status, "closed inside its running notification");
  }

  @Test
  void closeWithoutFlush_breaksInvariant09() {
    ProviderRig rig = broken(ProviderMutation.CLOSE_WITHOUT_FLUSH, ProviderPolicy.defaults());
    NdkCq cq = rig.cq(8);
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.receive("r", SGL);
    rig.closeAndWait(qp);
    assertEquals(0, ((SimCq) cq).queuedEntries(), "the receive never reached the CQ");
  }

  @Test
  void antecedentCloseBeforeSuccessor_breaksInvariant10() {
    ProviderRig rig = broken(ProviderMutation.ANTECEDENT_CLOSE_BEFORE_SUCCESSOR, INLINE);
    NdkPd pd = rig.pd();
    rig.create(cb -> pd.createMr(false, cb, null));
    assertEquals(NtStatus.SUCCESS, rig.close(pd).status, "closed with its MR open");
  }

  @Test
  void requestCompletionTwice_breaksInvariant12() {
    ProviderRig rig = broken(ProviderMutation.REQUEST_COMPLETION_TWICE, ProviderPolicy.defaults());
    NdkMr mr = rig.create(cb -> rig.pd().createMr(false, cb, null));
    List<NtStatus> statuses = new ArrayList<>();
    mr.registerMr(Mdl.of(0, 4096), 4096, 0, (c, s) -> statuses.add(s), null);
    rig.run();
    assertEquals(2, statuses.size());
  }

  @Test
  void notifyWhileUnarmed_breaksInvariant14() {
    ProviderRig rig = broken(ProviderMutation.NOTIFY_WHILE_UNARMED, ProviderPolicy.defaults());
    List<NtStatus> notified = new ArrayList<>();
    NdkCq cq = rig.cq(8, (c, s) -> notified.add(s), null);
    ((SimCq) cq).queueEntry(entry(), false);
    rig.run();
    assertEquals(1, notified.size());
  }

  @Test
  void overlappingNotifications_breaksInvariant15() {
    // A notification longer than the interrupt path, so the next one is due while it runs.
    ProviderPolicy slow =
        ProviderPolicy.defaults().withCallbackCostPs(CallbackKind.CQ_NOTIFICATION, 10_000_000);
    ProviderRig rig = broken(ProviderMutation.OVERLAPPING_NOTIFICATIONS, slow);
    List<Long> starts = new ArrayList<>();
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            64,
            (c, s) -> {
              starts.add(rig.now());
              cq[0].armCq(NdkCqNotificationType.ANY);
            },
            null);
    cq[0].armCq(NdkCqNotificationType.ANY);
    long t0 = rig.now();
    for (int i = 0; i < 40; i++) {
      rig.sim.scheduleAt(
          t0 + i * 300 * SimTime.PS_PER_NS, () -> ((SimCq) cq[0]).queueEntry(entry(), false));
    }
    rig.run();
    long cost = slow.callbackCostPs(CallbackKind.CQ_NOTIFICATION);
    boolean overlap = false;
    for (int i = 1; i < starts.size(); i++) {
      overlap |= starts.get(i) < starts.get(i - 1) + cost;
    }
    assertTrue(overlap, "notifications " + starts);
  }

  @Test
  void silentSuccessQueuesEntry_breaksInvariant19() {
    ProviderRig rig =
        broken(ProviderMutation.SILENT_SUCCESS_QUEUES_ENTRY, ProviderPolicy.defaults());
    NdkCq cq = rig.cq(8);
    SimQp[] qps = rig.connectedPair(rig.pd(), cq);
    qps[0].write("silent", SGL, 0, 1, NdkOpFlag.SILENT_SUCCESS.value());
    rig.run();
    assertEquals(1, ((SimCq) cq).queuedEntries());
  }

  @Test
  void flushedNotCancelled_breaksInvariant20() {
    ProviderRig rig = broken(ProviderMutation.FLUSHED_NOT_CANCELLED, ProviderPolicy.defaults());
    NdkCq cq = rig.cq(8);
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    qp.receive("r", SGL);
    qp.flush();
    NdkResultEx[] results = new NdkResultEx[1];
    cq.getCqResultsEx(results);
    assertEquals(NtStatus.SUCCESS, results[0].status());
  }

  @Test
  void deferChainNotPushed_breaksInvariant21() {
    ProviderRig rig = broken(ProviderMutation.DEFER_CHAIN_NOT_PUSHED, ProviderPolicy.defaults());
    NdkCq cq = rig.cq(8);
    SimQp[] qps = rig.connectedPair(rig.pd(), cq);
    qps[0].write("deferred", SGL, 0, 1, NdkOpFlag.DEFER.value());
    qps[0].write("fails", SGL, 0, 1, NdkOpFlag.RDMA_READ_SINK.value());
    rig.run();
    assertEquals(0, ((SimCq) cq).queuedEntries(), "the deferred write hangs");
    assertEquals(1, qps[0].unrungInitiatorRequests());
  }

  @Test
  void qpContextLost_breaksInvariant23() {
    ProviderRig rig = broken(ProviderMutation.QP_CONTEXT_LOST, ProviderPolicy.defaults());
    NdkCq cq = rig.cq(8);
    SimQp[] qps = rig.connectedPair(rig.pd(), cq);
    qps[0].write("w", SGL, 0, 1, 0);
    rig.run();
    NdkResultEx[] results = new NdkResultEx[1];
    cq.getCqResultsEx(results);
    assertNull(results[0].qpContext());
  }

  @Test
  void theUnbrokenProviderPassesTheSameScenarios() {
    ProviderRig rig = new ProviderRig(INLINE);
    NdkPd pd = rig.pd();
    rig.create(cb -> pd.createMr(false, cb, null));
    assertEquals(NtStatus.PENDING, rig.close(pd).status);
    assertEquals(NdkObjectType.PD, pd.header().objectType());
  }
}
