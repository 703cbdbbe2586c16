package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Invariant 4, the provider calling an object it handed out (docs/ndk-lifetime-rules.md): each such
 * call is reported once, passed to the provider unchecked, and answers the provider with what the
 * provider's own object answered; the verifier tracks nothing of it (no close issued, no request
 * outstanding, no object created).
 */
class ProviderCallsThroughHandlesPinTest {

  private static final NdkSockAddr LOCAL = NdkSockAddr.of("10.0.0.1", 5000);
  private static final NdkSockAddr PEER = NdkSockAddr.of("10.0.0.2", 6000);

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq cq = rig.cq();

  /**
   * Runs {@code providerCall} once, inside the provider's CreateMw on the PD (as a provider that
   * kept the consumer's handle would), and returns what it answered.
   */
  private <R> R insideTheProvider(Supplier<R> providerCall) {
    Object[] answer = new Object[1];
    boolean[] done = new boolean[1];
    rig.fake.duringCall =
        call -> {
          if (!done[0]) {
            done[0] = true;
            answer[0] = providerCall.get();
          }
        };
    pd.createMw(null, null);
    rig.fake.duringCall = call -> {};
    assertTrue(done[0]);
    @SuppressWarnings("unchecked")
    R r = (R) answer[0];
    return r;
  }

  /** The one violation: invariant 4 by the provider, naming {@code op}, with the call noted. */
  private void assertReportedOnce(String op) {
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), rig.verifier::report);
    Violation v = found.get(0);
    assertEquals(4, v.invariantNumber(), rig.verifier::report);
    assertEquals(Side.PROVIDER, v.side());
    assertTrue(v.happened().contains("the provider called " + op + " on "), v::toString);
    assertTrue(
        v.history().stream().anyMatch(e -> e.event().equals("provider itself calls " + op)),
        v::toString);
  }

  @Test
  void invariant04_closeThroughTheHandleReachesTheProviderAndIsNotTracked() {
    NtStatus answer = insideTheProvider(() -> cq.closeObject(ctx -> {}, null));
    assertEquals(NtStatus.SUCCESS, answer);
    assertReportedOnce("CloseObject");
    assertEquals(ObjectState.READY, rig.verifier.stateOf(cq).orElseThrow());
    assertTrue(((FakeQueues.FakeCq) rig.inner(cq)).closed, "the provider's CQ saw its close");
  }

  @Test
  void invariant04_createThroughTheHandleAnswersTheProvidersObject() {
    NdkCreateResult<NdkMw> answer = insideTheProvider(() -> pd.createMw(null, null));
    assertTrue(answer.isSuccess());
    assertTrue(answer.object() instanceof FakeConnections.FakeMw, "not the provider's own MW");
    assertReportedOnce("CreateMw");
  }

  @Test
  void invariant04_connectDisconnectAndListenThroughTheHandleAnswerTheProvidersStatus() {
    NdkConnector connector = rig.connector();
    NdkListener listener = rig.listener(new java.util.ArrayList<>());
    NdkQp qp = rig.qp(pd, cq, "qp");
    rig.fake.requestAnswer = NtStatus.CONNECTION_REFUSED;
    NtStatus connect =
        insideTheProvider(() -> connector.connect(qp, LOCAL, PEER, 4, 4, null, null, null));
    assertEquals(NtStatus.CONNECTION_REFUSED, connect);
    assertReportedOnce("Connect");
    rig.fake.requestAnswer = NtStatus.CONNECTION_INVALID;
    assertEquals(
        NtStatus.CONNECTION_INVALID, insideTheProvider(() -> connector.disconnect(null, null)));
    rig.fake.requestAnswer = NtStatus.ADDRESS_ALREADY_EXISTS;
    assertEquals(
        NtStatus.ADDRESS_ALREADY_EXISTS,
        insideTheProvider(() -> listener.listen(LOCAL, null, null)));
    assertEquals(3, rig.verifier.violations().size(), rig.verifier::report);
    // None of the three is outstanding for the audit: the verifier did not track them.
    rig.verifier.audit();
    assertEquals(3, rig.verifier.violations().size(), rig.verifier::report);
  }

  @Test
  void invariant04_adapterAndCqCallsThroughTheHandleAnswerWhatTheProviderAnswered() {
    NdkAdapterInfoResult info = insideTheProvider(() -> rig.adapter.queryAdapterInfo(4096));
    assertEquals(NtStatus.SUCCESS, info.status());
    assertNotNull(info.info());
    assertReportedOnce("QueryAdapterInfo");
    NtStatus moderation = insideTheProvider(() -> cq.controlCqInterruptModeration(8, 16));
    assertEquals(NtStatus.NOT_SUPPORTED, moderation);
    assertEquals(2, rig.verifier.violations().size(), rig.verifier::report);
  }

  @Test
  void invariant04_synchronousCallThroughTheHandleAnswersTheProvidersValue() {
    NdkConnector connector = rig.connector();
    NdkAddressResult address = insideTheProvider(connector::getLocalAddress);
    assertEquals(NdkSockAddr.of("10.0.0.1", 1000), address.address());
    assertReportedOnce("GetLocalAddress");
  }

  @Test
  void invariant04_aVoidCallThroughTheHandleStillReachesTheProvider() {
    FakeProvider.FakeAdapter inner = rig.inner(rig.adapter);
    insideTheProvider(
        () -> {
          rig.adapter.releaseLam(null);
          return null;
        });
    assertEquals(1, inner.lamsReleased);
    assertReportedOnce("ReleaseLAM");
  }

  @Test
  void invariant04_aHandleCalledFromInsideTheProvidersReleaseLamIsReported() {
    rig.fake.duringCall = call -> cq.getCqResults(new org.rnicsim.ndk.api.struct.NdkResult[4]);
    rig.adapter.releaseLam(null);
    rig.fake.duringCall = call -> {};
    assertEquals(1, ((FakeProvider.FakeAdapter) rig.inner(rig.adapter)).lamsReleased);
    assertReportedOnce("GetCqResults");
    String adapter = rig.verifier.refOf(rig.adapter).orElseThrow().toString();
    assertTrue(
        rig.verifier
            .violations()
            .get(0)
            .happened()
            .startsWith("while running ReleaseLAM on " + adapter + ", the provider called"),
        rig.verifier::report);
  }
}
