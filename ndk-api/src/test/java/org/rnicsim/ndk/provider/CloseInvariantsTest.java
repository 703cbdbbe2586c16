package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;

/** Closes: invariants 5-11 and 13 (ndkpi-spec 1, 3). */
class CloseInvariantsTest {
  private static final long CLOSE_COST =
      ProviderPolicy.defaults().callbackCostPs(CallbackKind.CLOSE_COMPLETION);
  private static final long NOTIFY_COST =
      ProviderPolicy.defaults().callbackCostPs(CallbackKind.CQ_NOTIFICATION);

  private static NdkResultEx entry(String requestContext) {
    return new NdkResultEx(NtStatus.SUCCESS, 0, "qp", requestContext, NdkOperationType.SEND, 0, 0);
  }

  @Test
  void invariant05_closeReturnsSuccessWithoutCallbackOrPendingWithExactlyOne() {
    ProviderRig rig = new ProviderRig();
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq(8);
    ProviderRig.Closed pdClose = rig.close(pd);
    ProviderRig.Closed cqClose = rig.close(cq);
    rig.run();
    assertEquals(NtStatus.SUCCESS, pdClose.status, "inline close path, nothing outstanding");
    assertEquals(0, pdClose.callbacks);
    assertEquals(NtStatus.PENDING, cqClose.status, "DESTROY_CQ goes to firmware by default");
    assertEquals(1, cqClose.callbacks);
  }

  @Test
  void invariant06_noCallbackForAnObjectStartsAfterItsCloseCompleted() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    List<Long> notifications = new ArrayList<>();
    NdkCq cq = rig.cq(8, (ctx, status) -> notifications.add(rig.now()), null);
    cq.armCq(NdkCqNotificationType.ANY);
    ((SimCq) cq).queueEntry(entry("r1"), false);
    // The CQ's event is on its way (EQE, MSI-X, ISR, DPC) when the consumer closes the CQ.
    rig.sim.runUntil(rig.now() + 1 * SimTime.PS_PER_US);
    ProviderRig.Closed closed = rig.close(cq);
    rig.run();
    assertEquals(NtStatus.SUCCESS, closed.status);
    assertEquals(List.of(), notifications, "no notification after the close returned SUCCESS");
  }

  @Test
  void invariant06_aNotificationQueuedBeforeThePendingCloseIsDroppedNotRunAfterIt() {
    ProviderRig rig = new ProviderRig();
    List<Long> notifications = new ArrayList<>();
    NdkCq cq = rig.cq(8, (ctx, status) -> notifications.add(rig.now()), null);
    cq.armCq(NdkCqNotificationType.ANY);
    ((SimCq) cq).queueEntry(entry("r1"), false);
    // 2.1 us: the DPC has queued the notification behind the provider's 0.3 us of DPC work.
    rig.sim.runUntil(rig.now() + 2100 * SimTime.PS_PER_NS);
    ProviderRig.Closed closed = rig.close(cq);
    rig.run();
    assertEquals(NtStatus.PENDING, closed.status);
    assertEquals(1, closed.callbacks);
    assertEquals(List.of(), notifications);
  }

  @Test
  void invariant07_closeCallbackRunsOnlyAfterEveryPendingRequestCallbackReturned() {
    ProviderRig rig = new ProviderRig();
    NdkPd pd = rig.pd();
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    long[] registerReturn = new long[1];
    NtStatus[] registerStatus = new NtStatus[1];
    NtStatus pending =
        mr.registerMr(
            Mdl.of(0x10000, 64 * 4096),
            64 * 4096,
            NdkMrFlag.mask(NdkMrFlag.ALLOW_LOCAL_WRITE),
            (ctx, status) -> {
              registerStatus[0] = status;
              registerReturn[0] =
                  rig.now()
                      + ProviderPolicy.defaults().callbackCostPs(CallbackKind.REQUEST_COMPLETION);
            },
            null);
    assertEquals(NtStatus.PENDING, pending);
    ProviderRig.Closed closed = rig.close(mr);
    rig.run();
    assertEquals(NtStatus.PENDING, closed.status);
    assertEquals(NtStatus.CANCELLED, registerStatus[0], "the close cancels the registration");
    assertTrue(
        closed.callbackPs >= registerReturn[0],
        "close at " + closed.callbackPs + " before the request returned at " + registerReturn[0]);
  }

  @Test
  void invariant08_closeStaysPendingWhileANotificationCallbackRuns() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    long[] notifiedAt = {-1};
    ProviderRig.Closed[] closed = new ProviderRig.Closed[1];
    NdkCq[] cqRef = new NdkCq[1];
    cqRef[0] =
        rig.cq(
            8,
            (ctx, status) -> {
              notifiedAt[0] = rig.now();
              closed[0] = rig.close(cqRef[0]); // from inside the notification
            },
            null);
    cqRef[0].armCq(NdkCqNotificationType.ANY);
    ((SimCq) cqRef[0]).queueEntry(entry("r1"), false);
    rig.run();
    assertEquals(NtStatus.PENDING, closed[0].status, "the notification is still running");
    assertEquals(1, closed[0].callbacks);
    assertEquals(
        notifiedAt[0] + NOTIFY_COST,
        closed[0].callbackPs,
        "the close completes when the notification returns at t + its cost, not earlier");
  }

  @Test
  void invariant08_closeFromInsideARequestCompletionStaysPendingUntilItReturns() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    long cost = ProviderPolicy.defaults().callbackCostPs(CallbackKind.REQUEST_COMPLETION);
    // A fast-register MR: its close needs no firmware command, so only the request holds it.
    NdkMr mr = rig.create(cb -> rig.pd().createMr(true, cb, null));
    long[] completedAt = {-1};
    ProviderRig.Closed[] closed = new ProviderRig.Closed[1];
    mr.initializeFastRegisterMr(
        16,
        false,
        (ctx, status) -> {
          completedAt[0] = rig.now();
          closed[0] = rig.close(mr); // from inside the RegisterMr completion
        },
        null);
    rig.run();
    assertEquals(NtStatus.PENDING, closed[0].status, "the completion is still running");
    assertTrue(
        closed[0].callbackPs >= completedAt[0] + cost,
        "the close completes only once the completion returned at t + its cost");
  }

  @Test
  void invariant09_closingAQpCancelsItsPendingRequestsIntoTheCq() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    NdkQp qp = rig.qp(pd, cq, "qpctx");
    List<NdkSge> sgl = List.of(new NdkSge(0x1000, 256, 7));
    assertEquals(NtStatus.SUCCESS, qp.receive("recv-1", sgl));
    assertEquals(NtStatus.SUCCESS, qp.receive("recv-2", sgl));
    ProviderRig.Closed closed = rig.close(qp);
    assertEquals(NtStatus.PENDING, closed.status);
    // The flush happened when the close was issued, before the close could complete.
    assertEquals(2, ((SimCq) cq).queuedEntries());
    rig.run();
    assertEquals(1, closed.callbacks);
    NdkResultEx[] results = new NdkResultEx[4];
    assertEquals(2, cq.getCqResultsEx(results));
    assertEquals(NtStatus.CANCELLED, results[0].status());
    assertEquals("recv-1", results[0].requestContext());
    assertEquals("recv-2", results[1].requestContext());
  }

  @Test
  void invariant10_antecedentCloseCompletesOnlyAfterTheSuccessorsCloseCallbackReturned() {
    ProviderRig rig =
        new ProviderRig(
            ProviderPolicy.defaults().withClosePath(NdkObjectType.PD, ControlPath.INLINE));
    NdkCq cq = rig.cq(8);
    NdkPd pd = rig.pd();
    NdkQp qp = rig.qp(pd, cq, null);
    ProviderRig.Closed pdClose = rig.close(pd);
    ProviderRig.Closed cqClose = rig.close(cq);
    assertEquals(NtStatus.PENDING, pdClose.status, "the QP is still open");
    assertEquals(NtStatus.PENDING, cqClose.status);
    rig.sim.runUntil(rig.now() + SimTime.PS_PER_MS);
    assertEquals(0, pdClose.callbacks, "a millisecond later the PD close still waits for the QP");
    assertEquals(0, cqClose.callbacks);
    ProviderRig.Closed qpClose = rig.close(qp);
    rig.run();
    assertEquals(1, qpClose.callbacks);
    assertEquals(
        qpClose.callbackPs + CLOSE_COST,
        pdClose.callbackPs,
        "the PD close completes when the QP's close callback returns");
    assertTrue(cqClose.callbackPs >= qpClose.callbackPs + CLOSE_COST);
  }

  /** An MR with a window bound to it, whose close was issued and is held by the window. */
  private record HeldMrClose(ProviderRig rig, SimQp qp, NdkMw mw, ProviderRig.Closed mrClose) {
    static HeldMrClose start() {
      ProviderRig rig = new ProviderRig();
      NdkPd pd = rig.pd();
      SimQp[] qps = rig.connectedPair(pd, rig.cq(64));
      NdkMr mr =
          rig.registeredMr(
              pd,
              0x100000,
              8192,
              NdkMrFlag.mask(NdkMrFlag.ALLOW_LOCAL_WRITE, NdkMrFlag.ALLOW_REMOTE_READ));
      NdkMw mw = rig.create(cb -> pd.createMw(cb, null));
      assertEquals(
          NtStatus.SUCCESS,
          qps[0].bind("bind", mr, mw, 0x100000, 4096, NdkOpFlag.ALLOW_REMOTE_READ.value()));
      ProviderRig.Closed mrClose = rig.close(mr);
      rig.sim.runUntil(rig.now() + SimTime.PS_PER_MS);
      assertEquals(0, mrClose.callbacks, "the bound window keeps the MR close pending");
      return new HeldMrClose(rig, qps[0], mw, mrClose);
    }
  }

  @Test
  void invariant10_mrCloseWaitsForTheWindowBoundToItAndInvalidateEndsTheLink() {
    HeldMrClose held = HeldMrClose.start();
    ProviderRig.Closed mwClose = held.rig.close(held.mw);
    held.rig.run();
    assertEquals(NtStatus.SUCCESS, mwClose.status);
    assertEquals(1, held.mrClose.callbacks);
  }

  @Test
  void invariant10_invalidatingTheWindowLetsThePendingMrCloseFinishWhileTheWindowStaysOpen() {
    HeldMrClose held = HeldMrClose.start();
    assertEquals(NtStatus.SUCCESS, held.qp.invalidate("invalidate", held.mw, 0));
    held.rig.run();
    assertEquals(1, held.mrClose.callbacks, "the invalidated window no longer holds the MR");
    assertTrue(held.rig.<LifetimeObject>own(held.mw).isOpen());
    held.rig.closeAndWait(held.mw);
  }

  @Test
  void invariant11_adapterCloseBlocksUntilEveryDescendantCallbackReturned() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    NdkQp qp = rig.qp(pd, cq, null);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    List<String> callbacks = new ArrayList<>();
    mr.registerMr(
        Mdl.of(0x200000, 4096), 4096, 0, (ctx, s) -> callbacks.add("register " + s), null);
    long[] returnedAt = {-1};
    rig.sim.schedule(
        SimTime.PS_PER_US,
        () -> {
          for (var object : List.of(qp, mr, pd, cq)) {
            object.closeObject(ctx -> callbacks.add("closed " + ctx), object);
          }
          rig.provider.closeAdapter(rig.adapter);
          returnedAt[0] = rig.now();
        });
    rig.run();
    assertEquals(5, callbacks.size(), callbacks.toString());
    assertTrue(returnedAt[0] > SimTime.PS_PER_US, "CloseAdapter blocked in simulated time");
    assertTrue(
        returnedAt[0] >= rig.lastCallbackReturnPs(),
        "CloseAdapter returned at "
            + returnedAt[0]
            + " while a callback ran until "
            + rig.lastCallbackReturnPs());
  }

  @Test
  void consumerRuleC6_adapterCloseIsRefusedFromInsideACallback() {
    ProviderRig rig = new ProviderRig();
    NdkMisuseException[] refused = new NdkMisuseException[1];
    rig.startCreate(
        cb ->
            rig.adapter.createCq(
                8,
                null,
                null,
                null,
                (ctx, status, object) -> {
                  try {
                    rig.provider.closeAdapter(rig.adapter);
                  } catch (NdkMisuseException e) {
                    refused[0] = e;
                  }
                },
                null));
    rig.run();
    assertEquals("C6", refused[0].rule());
    assertTrue(refused[0].getMessage().contains("inside a callback"));
  }

  @Test
  void consumerRuleC7_adapterCloseWithAPdAndACqNeverClosedEndsWithAClearConsumerError() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(8);
    NdkPd pd = rig.pd();
    NdkMisuseException e =
        assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    assertEquals("C7", e.rule());
    String message = e.getMessage();
    assertTrue(message.contains("never closed: " + rig.own(cq) + ", " + rig.own(pd)), message);
    assertTrue(message.contains("nothing is left to simulate at "), message);
    assertFalse(message.contains("after 10"), "the close did not wait 10 s: " + message);
    // The objects are left as they were: nothing closed them behind the consumer's back.
    assertTrue(rig.<LifetimeObject>own(pd).isOpen());
    assertTrue(rig.<LifetimeObject>own(cq).isOpen());
  }

  @Test
  void consumerRuleC1C2_useAfterCloseAndDoubleCloseOnTheRawProviderAreMisuseNotCrashes() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE));
    NdkPd pd = rig.pd();
    assertEquals(NtStatus.SUCCESS, pd.closeObject(c -> {}, null));
    assertEquals(
        "C2", assertThrows(NdkMisuseException.class, () -> pd.closeObject(c -> {}, null)).rule());
    assertEquals(
        "C1", assertThrows(NdkMisuseException.class, () -> pd.createMr(false, null, null)).rule());
    rig.provider.closeAdapter(rig.adapter);
  }

  @Test
  void consumerRuleC1_everyAdapterCallAfterCloseAdapterIsMisuseNotACrash() {
    ProviderRig rig = new ProviderRig();
    rig.provider.closeAdapter(rig.adapter);
    List<Executable> calls =
        List.of(
            () -> rig.adapter.createPd(null, null),
            () -> rig.adapter.createCq(8, null, null, null, null, null),
            () -> rig.adapter.createConnector(null, null),
            () -> rig.adapter.createListener(null, null, null, null),
            () -> rig.adapter.createSharedEndpoint(TwoHosts.B, null, null),
            () -> rig.adapter.queryAdapterInfo(4096));
    for (Executable call : calls) {
      assertEquals("C1", assertThrows(NdkMisuseException.class, call).rule());
    }
  }

  @Test
  void invariant13_noCompletionStartsInsideTheCallThatCausedIt() {
    ProviderRig rig = new ProviderRig(ProviderPolicy.defaults().withAllPaths(ControlPath.FIRMWARE));
    boolean[] insideCall = new boolean[1];
    List<String> violations = new ArrayList<>();
    insideCall[0] = true;
    rig.adapter.createCq(
        8,
        null,
        null,
        null,
        (ctx, status, object) -> {
          if (insideCall[0]) {
            violations.add("create completion inside CreateCq");
          }
          // The consumer closes the new CQ from inside its own create completion.
          NtStatus close =
              ((NdkCq) object)
                  .closeObject(
                      c -> {
                        if (insideCall[0]) {
                          violations.add("close completion inside CloseCq");
                        }
                      },
                      null);
          if (!close.isPending()) {
            violations.add("close inside the create completion returned " + close);
          }
        },
        null);
    insideCall[0] = false;
    rig.run();
    assertEquals(List.of(), violations);
  }

  @Test
  void invariant13_closeFromInsideTheCreateCompletionWaitsForItsReturn() {
    ProviderRig rig =
        new ProviderRig(
            ProviderPolicy.defaults().withClosePath(NdkObjectType.CQ, ControlPath.INLINE));
    long createCost = ProviderPolicy.defaults().callbackCostPs(CallbackKind.CREATE_COMPLETION);
    long[] createdAt = {-1};
    ProviderRig.Closed[] closed = new ProviderRig.Closed[1];
    rig.adapter.createCq(
        8,
        null,
        null,
        null,
        (ctx, status, object) -> {
          createdAt[0] = rig.now();
          closed[0] = rig.close((NdkCq) object);
        },
        null);
    rig.run();
    assertEquals(NtStatus.PENDING, closed[0].status);
    assertEquals(createdAt[0] + createCost, closed[0].callbackPs);
    assertFalse(closed[0].callbackPs < createdAt[0] + createCost);
  }
}
