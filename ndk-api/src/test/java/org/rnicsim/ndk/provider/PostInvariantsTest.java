package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.memory.SimMw;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;

/** Posts, Flush and DEFER: invariants 19-24 (ndkpi-spec 5, 6). */
class PostInvariantsTest {
  private static final List<NdkSge> SGL =
      List.of(new NdkSge(0x1000, 512, ProviderRig.TEST_LOCAL_TOKEN));
  private static final int REMOTE = ProviderRig.TEST_REMOTE_TOKEN;
  private static final int DEFER = NdkOpFlag.DEFER.value();

  private static List<NdkResultEx> drain(NdkCq cq) {
    List<NdkResultEx> all = new ArrayList<>();
    NdkResultEx[] batch = new NdkResultEx[16];
    int n;
    while ((n = cq.getCqResultsEx(batch)) > 0) {
      for (int i = 0; i < n; i++) {
        all.add(batch[i]);
      }
    }
    return all;
  }

  private static List<Object> contexts(List<NdkResultEx> entries) {
    return entries.stream().map(NdkResultEx::requestContext).toList();
  }

  @Test
  void invariant19_inlineFailuresQueueNothingAndSuccessesExactlyOneUnlessSilent() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    NdkQp lonely = rig.qp(pd, cq, "lonely");
    SimQp[] qps = rig.connectedPair(pd, cq);
    rig.testMemory(pd);
    List<NdkSge> tooMany = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tooMany.add(new NdkSge(0x1000, 8, ProviderRig.TEST_LOCAL_TOKEN));
    }
    assertEquals(NtStatus.CONNECTION_INVALID, lonely.write("not connected", SGL, 0, REMOTE, 0));
    assertEquals(NtStatus.INVALID_PARAMETER, qps[0].send("too many sge", tooMany, 0));
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        qps[0].write("bad flag", SGL, 0, REMOTE, NdkOpFlag.SEND_AND_SOLICIT_EVENT.value()));
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        qps[0].send("inline too big", List.of(new NdkSge(0, 65, 0)), NdkOpFlag.INLINE.value()));
    assertEquals(NtStatus.SUCCESS, qps[0].write("loud", SGL, 0, REMOTE, 0));
    assertEquals(
        NtStatus.SUCCESS, qps[0].write("silent", SGL, 0, REMOTE, NdkOpFlag.SILENT_SUCCESS.value()));
    assertEquals(NtStatus.SUCCESS, qps[0].read("read", SGL, 0, REMOTE, 0));
    rig.run();
    assertEquals(List.of("loud", "read"), contexts(drain(cq)));
  }

  @Test
  void invariant20_flushCancelsEveryRequestPendingOnEitherQueue() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    rig.testMemory(pd);
    SimQp qp = qps[0];
    assertEquals(NtStatus.SUCCESS, qp.write("done-before", SGL, 0, REMOTE, 0));
    rig.run();
    assertEquals(NtStatus.SUCCESS, qp.write("w1", SGL, 0, REMOTE, DEFER));
    assertEquals(
        NtStatus.SUCCESS, qp.write("w2", SGL, 0, REMOTE, NdkOpFlag.SILENT_SUCCESS.value()));
    assertEquals(NtStatus.SUCCESS, qp.read("r1", SGL, 0, REMOTE, 0));
    assertEquals(NtStatus.SUCCESS, qp.receive("rcv1", SGL));
    assertEquals(NtStatus.SUCCESS, qp.receive("rcv2", SGL));
    qp.flush();
    rig.run();
    List<NdkResultEx> entries = drain(cq);
    assertEquals(List.of("done-before", "w1", "w2", "r1", "rcv1", "rcv2"), contexts(entries));
    assertEquals(NtStatus.SUCCESS, entries.get(0).status());
    for (NdkResultEx e : entries.subList(1, entries.size())) {
      assertEquals(NtStatus.CANCELLED, e.status(), e.toString());
    }
    assertEquals(NdkOperationType.RECEIVE, entries.get(4).type());
  }

  @Test
  void invariant20_flushWhileRequestsExecuteCancelsOnlyThoseNotDone() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    SimQp[] qps = rig.connectedPairOverTestMemory(cq);
    for (int i = 0; i < 5; i++) {
      assertEquals(NtStatus.SUCCESS, qps[0].write("w" + i, SGL, 0, REMOTE, 0));
    }
    // Flush as soon as the first write's CQE has landed: the others are still in the adapter.
    rig.sim.runUntil(() -> !rig.queuedEntries.isEmpty());
    int doneBeforeFlush = rig.queuedEntries.size();
    qps[0].flush();
    rig.run();
    List<NdkResultEx> entries = drain(cq);
    assertEquals(List.of("w0", "w1", "w2", "w3", "w4"), contexts(entries));
    assertTrue(doneBeforeFlush < 5, "some writes were still executing");
    for (int i = 0; i < 5; i++) {
      NtStatus expected = i < doneBeforeFlush ? NtStatus.SUCCESS : NtStatus.CANCELLED;
      assertEquals(expected, entries.get(i).status(), entries.get(i).toString());
    }
  }

  @Test
  void invariant21_deferredRequestsStillCompleteWhenALaterPostFailsInline() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    SimQp[] qps = rig.connectedPairOverTestMemory(cq);
    assertEquals(NtStatus.SUCCESS, qps[0].write("d1", SGL, 0, REMOTE, DEFER));
    assertEquals(NtStatus.SUCCESS, qps[0].send("d2", SGL, DEFER));
    assertEquals(2, qps[0].unrungInitiatorRequests());
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        qps[0].write("fails", SGL, 0, REMOTE, NdkOpFlag.RDMA_READ_SINK.value() | DEFER));
    assertEquals(0, qps[0].unrungInitiatorRequests(), "the failure pushed the chain");
    assertEquals(NtStatus.SUCCESS, qps[1].receive("rcv", SGL));
    rig.run();
    // The receive completes at the responder before the ACKs of d1 and d2 travel back.
    assertEquals(List.of("rcv", "d1", "d2"), contexts(drain(cq)));
  }

  @Test
  void invariant22_aChainEndingWithoutDeferGoesToHardwareUnderOneDoorbell() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    SimQp[] qps = rig.connectedPairOverTestMemory(cq);
    for (int i = 0; i < 3; i++) {
      assertEquals(NtStatus.SUCCESS, qps[0].write("d" + i, SGL, 0, REMOTE, DEFER));
    }
    rig.run();
    assertEquals(0, qps[0].initiatorDoorbells(), "DEFER only writes the WQEs");
    assertEquals(List.of(), drain(cq));
    assertEquals(NtStatus.SUCCESS, qps[0].write("last", SGL, 0, REMOTE, 0));
    rig.run();
    assertEquals(1, qps[0].initiatorDoorbells());
    assertEquals(List.of("d0", "d1", "d2", "last"), contexts(drain(cq)));

    ProviderRig eager =
        new ProviderRig(ProviderPolicy.defaults().withBatchDeferredDoorbells(false));
    NdkCq cq2 = eager.cq(64);
    SimQp[] qps2 = eager.connectedPairOverTestMemory(cq2);
    for (int i = 0; i < 3; i++) {
      qps2[0].write("d" + i, SGL, 0, REMOTE, DEFER);
    }
    qps2[0].write("last", SGL, 0, REMOTE, 0);
    eager.run();
    assertEquals(4, qps2[0].initiatorDoorbells(), "policy: DEFER ignored, a doorbell per post");
  }

  @Test
  void invariant23_resultsCarryTheQpContextAndTheRequestContext() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    SimQp[] qps = rig.connectedPairOverTestMemory(cq);
    Object requestContext = new Object();
    assertEquals(NtStatus.SUCCESS, qps[1].receive("rcv", SGL));
    assertEquals(NtStatus.SUCCESS, qps[0].send(requestContext, SGL, 0));
    rig.run();
    NdkResult[] results = new NdkResult[4];
    assertEquals(2, cq.getCqResults(results));
    assertEquals("qpB", results[0].qpContext());
    assertEquals("rcv", results[0].requestContext());
    assertEquals(512, results[0].bytesTransferred());
    assertEquals("qpA", results[1].qpContext());
    assertTrue(results[1].requestContext() == requestContext);
  }

  @Test
  void invariant24_sendAndInvalidateReportsTheTokenAndInvalidatesItEvenViaGetCqResults() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    rig.testMemory(pd);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    NtStatus[] registered = new NtStatus[1];
    mr.registerMr(
        Mdl.of(0x40000, 4096),
        4096,
        NdkMrFlag.mask(NdkMrFlag.ALLOW_REMOTE_WRITE),
        (c, s) -> registered[0] = s,
        null);
    rig.sim.runUntil(() -> registered[0] != null);
    NdkMw mw = rig.create(cb -> pd.createMw(cb, null));
    int bindFlags = NdkOpFlag.ALLOW_REMOTE_WRITE.value() | NdkOpFlag.SILENT_SUCCESS.value();
    assertEquals(NtStatus.SUCCESS, qps[1].bind("bind", mr, mw, 0x40000, 4096, bindFlags));
    int token = mw.getRemoteTokenFromMw();
    assertEquals(NtStatus.SUCCESS, qps[1].receive("rcv", SGL));
    assertEquals(NtStatus.SUCCESS, qps[0].sendAndInvalidate("sai", SGL, 0, token));
    rig.run();
    NdkResult[] plain = new NdkResult[4];
    assertEquals(2, cq.getCqResults(plain), "drained without the Ex fields");
    assertNull(((SimMw) mw).boundTo(), "the window is invalid after the receive");
    assertFalse(rig.provider.runtime().tokens().lookup(token) != null);
    NdkResultEx receiverSaw = rig.queuedEntries.get(0);
    NdkResultEx senderSaw = rig.queuedEntries.get(1);
    assertEquals(NdkOperationType.RECEIVE_AND_INVALIDATE, receiverSaw.type());
    assertEquals(0x8001, receiverSaw.type().value());
    assertEquals(Integer.toUnsignedLong(token), receiverSaw.typeSpecificCompletionOutput());
    assertEquals(NdkOperationType.SEND, senderSaw.type());
  }

  @Test
  void bindAndFastRegisterRefuseAccessTheMemoryLacks() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    NtStatus[] done = new NtStatus[2];
    mr.registerMr(Mdl.of(0x40000, 4096), 4096, 0, (c, s) -> done[0] = s, null);
    NdkMr frmr = rig.create(cb -> pd.createMr(true, cb, null));
    frmr.initializeFastRegisterMr(4, false, (c, s) -> done[1] = s, null);
    rig.run();
    NdkMw mw = rig.create(cb -> pd.createMw(cb, null));
    assertEquals(
        NtStatus.ACCESS_VIOLATION,
        qps[0].bind("b", mr, mw, 0x40000, 64, NdkOpFlag.ALLOW_REMOTE_READ.value()));
    assertEquals(
        NtStatus.ACCESS_VIOLATION,
        qps[0].fastRegister(
            "fr",
            frmr,
            new long[] {0x1000},
            0,
            4096,
            0x9000,
            NdkOpFlag.ALLOW_REMOTE_WRITE.value()));
    assertEquals(
        NtStatus.SUCCESS,
        qps[0].fastRegister(
            "fr", frmr, new long[] {0x1000}, 0, 4096, 0x9000, NdkOpFlag.ALLOW_LOCAL_WRITE.value()));
    assertEquals(
        NtStatus.IMPLEMENTATION_LIMIT,
        frmr.initializeFastRegisterMr(100_000, false, (c, s) -> {}, null));
    rig.run();
    assertEquals(List.of("fr"), contexts(drain(cq)));
  }

  @Test
  void bindRefusesAnMrOrWindowOfAnotherPd() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    NdkPd pd = rig.pd();
    NdkPd otherPd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    int remoteWrite = NdkMrFlag.mask(NdkMrFlag.ALLOW_REMOTE_WRITE);
    NdkMr[] mrs = {
      rig.registeredMr(pd, 0x40000, 4096, remoteWrite),
      rig.registeredMr(otherPd, 0x40000, 4096, remoteWrite)
    };
    NdkMw mw = rig.create(cb -> pd.createMw(cb, null));
    NdkMw otherMw = rig.create(cb -> otherPd.createMw(cb, null));
    int flags = NdkOpFlag.ALLOW_REMOTE_WRITE.value();
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        qps[0].bind("mr of another PD", mrs[1], mw, 0x40000, 64, flags));
    assertEquals(
        NtStatus.INVALID_PARAMETER,
        qps[0].bind("window of another PD", mrs[0], otherMw, 0x40000, 64, flags));
    assertEquals(NtStatus.SUCCESS, qps[0].bind("same PD", mrs[0], mw, 0x40000, 64, flags));
  }
}
