package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.ndk.verifier.PinReports.events;
import static org.rnicsim.ndk.verifier.PinReports.only;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * Corners of invariants 5, 9, 10 and 11 and of consumer rule C2 (docs/ndk-lifetime-rules.md,
 * docs/ndk-consumer-rules.md): a close that failed may be retried, a completion run inside a close
 * that returns SUCCESS, what the reports say about a successor or a stuck CloseAdapter, and a
 * provider object that comes back after its close.
 */
class CloseRulesPinTest {

  private final Rig rig = new Rig();

  @Test
  void invariant05_aCloseThatFailedMayBeIssuedAgainWithoutADoubleClose() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    pd.closeObject(ctx -> {}, null);
    assertEquals(ObjectState.READY, rig.verifier.stateOf(pd).orElseThrow());
    rig.fake.closeAnswer = NtStatus.SUCCESS;
    assertEquals(NtStatus.SUCCESS, pd.closeObject(ctx -> {}, null));
    assertEquals(ObjectState.CLOSED, rig.verifier.stateOf(pd).orElseThrow());
    only(rig, 5);
  }

  @Test
  void invariant05_aFailedCloseWhoseCompletionAlreadyRanStaysClosed() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    rig.fake.duringCall = call -> call.completeClose();
    pd.closeObject(ctx -> {}, null);
    rig.fake.duringCall = call -> {};
    assertEquals(ObjectState.CLOSED, rig.verifier.stateOf(pd).orElseThrow());
    assertThrows(NdkMisuseException.class, () -> pd.closeObject(ctx -> {}, null));
  }

  @Test
  void invariant05_aCompletionRunInsideACloseThatReturnedSuccessIsReported() {
    NdkPd pd = rig.pd();
    rig.fake.duringCall = call -> call.completeClose();
    pd.closeObject(ctx -> {}, null);
    rig.fake.duringCall = call -> {};
    Violation v = only(rig, 5);
    assertTrue(v.happened().contains("ran although CloseObject returned SUCCESS"), v::toString);
    assertEquals(ObjectState.CLOSED, rig.verifier.stateOf(pd).orElseThrow());
  }

  @Test
  void invariant10_theReportSaysTheSuccessorsState() {
    NdkPd pd = rig.pd();
    NdkMr mr = rig.mr(pd);
    pd.closeObject(ctx -> {}, null);
    Violation v = only(rig, 10);
    String mrRef = rig.verifier.refOf(mr).orElseThrow().toString();
    assertTrue(v.happened().endsWith("its successor " + mrRef + " was still READY"), v::toString);
  }

  @Test
  void invariant10_theReportSaysTheSuccessorWasStillInItsCloseCompletion() {
    NdkPd pd = rig.pd();
    NdkMr mr = rig.mr(pd);
    rig.fake.closeAnswer = NtStatus.PENDING;
    pd.closeObject(ctx -> {}, null);
    FakeProvider.Call pdClose = rig.fake.last("Close");
    mr.closeObject(ctx -> pdClose.completeClose(), null);
    rig.fake.last("Close").completeClose();
    Violation v = only(rig, 10);
    String mrRef = rig.verifier.refOf(mr).orElseThrow().toString();
    assertTrue(
        v.happened().endsWith(mrRef + " was still running its close completion"), v::toString);
  }

  @Test
  void aProviderObjectDeliveredAgainAfterItsCloseIsANewObject() {
    NdkPd pd = rig.pd();
    FakeProvider.FakePd inner = rig.inner(pd);
    pd.closeObject(ctx -> {}, null);
    rig.fake.createAnswer = NtStatus.PENDING;
    NdkPd[] got = new NdkPd[1];
    rig.adapter.createPd((ctx, status, object) -> got[0] = (NdkPd) object, null);
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, inner); // memory reused
    assertEquals(ObjectState.READY, rig.verifier.stateOf(got[0]).orElseThrow());
    rig.assertClean();
  }

  @Test
  void aProviderObjectDeliveredAgainAfterItsCloseCompletionIsANewObject() {
    NdkPd pd = rig.pd();
    FakeProvider.FakePd inner = rig.inner(pd);
    rig.fake.closeAnswer = NtStatus.PENDING;
    pd.closeObject(ctx -> {}, null);
    rig.fake.last("Close").completeClose();
    rig.fake.createAnswer = NtStatus.PENDING;
    rig.adapter.createPd((ctx, status, object) -> {}, null);
    rig.fake.last("CreatePd").completeCreateWith(NtStatus.SUCCESS, inner);
    rig.assertClean();
  }

  // ---- CloseAdapter

  /** The provider's CloseAdapter will wait for ever (as SimNdkProvider tells it). */
  private void closeAdapterCanNeverReturn() {
    rig.fake.duringCloseAdapter =
        () -> {
          throw new NdkMisuseException("C7", "CloseAdapter can never return");
        };
  }

  @Test
  void closeAdapterOfAnAdapterTheVerifierDidNotOpenGoesStraightToTheProvider() {
    boolean[] providerSawClose = new boolean[1];
    rig.fake.duringCloseAdapter = () -> providerSawClose[0] = true;
    NdkAdapter foreign =
        rig.fake.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).adapter();
    rig.provider.closeAdapter(foreign);
    assertTrue(providerSawClose[0]);
    assertEquals(ObjectState.READY, rig.verifier.stateOf(rig.adapter).orElseThrow());
    rig.assertClean();
  }

  @Test
  void consumerRuleC2_aSecondCloseAdapterShowsTheFirstAndItsReturnInTheHistory() {
    rig.provider.closeAdapter(rig.adapter);
    NdkMisuseException again =
        assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    assertEquals("C2", again.rule());
    Violation v = rig.verifier.violations().get(0);
    assertEquals(ConsumerRule.C2, v.consumerRule(), rig.verifier::report);
    List<String> events = events(v);
    assertEquals(
        List.of(
            "consumer calls CloseAdapter",
            "returned: CloseAdapter",
            "consumer calls CloseAdapter",
            "<-- consumer rule C2 broken here"),
        events.subList(events.size() - 4, events.size()));
  }

  @Test
  void invariant09_aStuckCloseAdapterNamesOnlyTheClosesStillPending() {
    NdkCq cq = rig.cq();
    NdkPd pd = rig.pd();
    pd.closeObject(ctx -> {}, null); // closed at once
    rig.fake.closeAnswer = NtStatus.PENDING;
    cq.closeObject(ctx -> {}, null);
    closeAdapterCanNeverReturn();
    assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    String cqRef = rig.verifier.refOf(cq).orElseThrow().toString();
    String pdRef = rig.verifier.refOf(pd).orElseThrow().toString();
    Violation v = rig.verifier.violations().get(0);
    assertEquals(9, v.invariantNumber(), rig.verifier::report);
    assertTrue(
        v.happened().contains("; still pending: " + cqRef + " CLOSE_PENDING ("), v::toString);
    assertFalse(v.happened().contains(pdRef), v::toString);
  }

  @Test
  void invariant09_aStuckCloseAdapterWithEveryCloseDoneNamesNothingPending() {
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    closeAdapterCanNeverReturn();
    NdkMisuseException stuck =
        assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    Violation v = rig.verifier.violations().get(0);
    assertEquals(9, v.invariantNumber(), rig.verifier::report);
    assertTrue(
        v.happened().endsWith("had closed everything below it (" + stuck.getMessage() + ")"),
        v::toString);
  }
}
