package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * A provider that calls the objects it handed out, i.e. reads the Dispatch it must never read
 * again, breaks invariant 4; the verifier reports it and lets each such call through unchecked, so
 * the provider still gets its answers and the consumer still hears the callbacks of what the
 * provider made that way.
 */
class ProviderCallingThroughWrappersTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(pd, cq, "qp");
  private final NdkMr mr = rig.mr(pd);
  private final NdkSrq srq = pd.createSrq(64, 2, 0, null, null, null, null, null).object();

  /** What the consumer heard from objects the provider created through the wrappers. */
  private final List<String> heard = new ArrayList<>();

  /** What the provider's own calls returned. */
  private final List<Object> answers = new ArrayList<>();

  private NdkCq rawCq;
  private NdkListener rawListener;
  private NdkSrq rawSrq;

  private void providerCallsBackOnce() {
    boolean[] inside = {false};
    rig.fake.duringCall =
        call -> {
          if (inside[0]) {
            return;
          }
          inside[0] = true;
          try {
            cq.armCq(NdkCqNotificationType.ANY);
            answers.add(cq.getCqResults(new NdkResult[4]));
            answers.add(qp.write("w", Rig.SGL, 0, 0, 0));
            answers.add(srq.srqReceive("r", Rig.SGL));
            qp.flush();
            answers.add(mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (c, s) -> {}, null));
            answers.add(srq.modifySrq(64, 1, (c, s) -> {}, null));
            rawCq =
                rig.adapter
                    .createCq(64, (ctx, s) -> heard.add("cq " + s.name()), null, null, null, null)
                    .object();
            rawListener =
                rig.adapter
                    .createListener((ctx, c) -> heard.add("connect"), null, null, null)
                    .object();
            rawSrq =
                pd.createSrq(
                        64, 2, 1, (ctx, s) -> heard.add("srq " + s.name()), null, null, null, null)
                    .object();
          } finally {
            inside[0] = false;
          }
        };
  }

  @Test
  void invariant04_callsThroughHandedOutObjectsAreReportedAndStillAnswered() {
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    FakeQueues.FakeSrq fakeSrq = rig.inner(srq);
    // An entry only the provider knows of (not reported through the probe).
    fakeCq.entries.addLast(
        new NdkResultEx(NtStatus.SUCCESS, 0, "qp", "old", NdkOperationType.SEND, 0, 0));
    providerCallsBackOnce();
    pd.createMw(null, null);
    assertEquals(
        List.of(1, NtStatus.SUCCESS, NtStatus.SUCCESS, NtStatus.PENDING, NtStatus.PENDING),
        answers);
    assertEquals(List.of(NdkCqNotificationType.ANY), fakeCq.arms);
    assertEquals(1, fakeQp.posts.size(), "the Write reached the provider");
    assertEquals(List.of("r"), fakeSrq.receives);
    assertTrue(fakeQp.flushed, "the Flush reached the provider");
    List<Violation> found = rig.verifier.violations();
    assertFalse(found.isEmpty());
    for (Violation v : found) {
      assertEquals(4, v.invariantNumber(), v::toString);
      assertEquals(Side.PROVIDER, v.side(), v::toString);
    }
  }

  @Test
  void invariant04_callbacksOfObjectsCreatedThroughHandedOutObjectsReachTheConsumer() {
    providerCallsBackOnce();
    pd.createMw(null, null);
    int before = rig.verifier.violations().size();
    ((FakeQueues.FakeCq) rawCq).notifyConsumer(NtStatus.SUCCESS);
    ((FakeConnections.FakeListener) rawListener).fireConnectEvent();
    ((FakeQueues.FakeSrq) rawSrq).notifyConsumer(NtStatus.SUCCESS);
    assertEquals(List.of("cq STATUS_SUCCESS", "connect", "srq STATUS_SUCCESS"), heard);
    assertEquals(before, rig.verifier.violations().size(), rig.verifier::report);
  }
}
