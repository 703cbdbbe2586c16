package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.ndk.verifier.PinReports.events;
import static org.rnicsim.ndk.verifier.PinReports.only;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * What a report tells its reader (docs/ndk-lifetime-rules.md, docs/ndk-consumer-rules.md): which
 * close a use-after-close follows, what was still running, how an object's callbacks ended, and the
 * calls and answers in an object's history; plus the answers the verifier passes back.
 */
class ReportWordingPinTest {

  private final Rig rig = new Rig();

  private Violation last() {
    List<Violation> found = rig.verifier.violations();
    assertTrue(!found.isEmpty(), "nothing reported");
    return found.get(found.size() - 1);
  }

  // ---- consumer rule C1: which close the call follows

  @Test
  void consumerRuleC1_useAfterItsOwnCloseSaysSo() {
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    assertThrows(NdkMisuseException.class, () -> cq.armCq(NdkCqNotificationType.ANY));
    assertTrue(last().happened().contains(" after closing it;"), last()::toString);
  }

  @Test
  void consumerRuleC1_useAfterTheAdapterCloseSaysSo() {
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    NdkPd pd = rig.pd();
    pd.closeObject(ctx -> {}, null);
    rig.provider.closeAdapter(rig.adapter);
    assertThrows(NdkMisuseException.class, () -> rig.adapter.queryAdapterInfo(4096));
    assertTrue(last().happened().contains(" after closing it;"), last()::toString);
  }

  @Test
  void consumerRuleC1_useOfAChildAfterTheAdapterCloseNamesTheAdapter() {
    NdkCq cq = rig.cq();
    rig.provider.closeAdapter(rig.adapter); // the fake returns with the CQ open: invariant 10
    assertThrows(NdkMisuseException.class, () -> cq.armCq(NdkCqNotificationType.ANY));
    Violation v = last();
    assertEquals(ConsumerRule.C1, v.consumerRule(), rig.verifier::report);
    assertTrue(v.happened().contains(" after closing its adapter;"), v::toString);
  }

  @Test
  void consumerRuleC1_aClosedArgumentsHistoryShowsWhereItWasPassed() {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    cq.closeObject(ctx -> {}, null);
    assertThrows(
        NdkMisuseException.class, () -> pd.createQp(cq, cq, "qp", 16, 16, 2, 2, 0, null, null));
    Violation v = last();
    String pdRef = rig.verifier.refOf(pd).orElseThrow().toString();
    List<String> events = events(v);
    assertEquals(
        "passed to CreateQp on " + pdRef + " after close",
        events.get(events.size() - 2),
        v::toString);
  }

  // ---- histories of synchronous calls and adapter calls

  @Test
  void aSynchronousCallAndItsAnswerAreInTheHistory() {
    NdkMr mr = rig.mr(rig.pd());
    assertEquals(0x1234, mr.getRemoteTokenFromMr());
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    mr.closeObject(ctx -> {}, null);
    List<String> events = events(only(rig, 5));
    int call = events.indexOf("consumer calls GetRemoteTokenFromMr");
    assertTrue(call >= 0, events::toString);
    assertEquals("returned " + 0x1234, events.get(call + 1), events::toString);
  }

  @Test
  void theAdaptersHistoryShowsOpenAdapterAndItsAnswer() {
    rig.provider.closeAdapter(rig.adapter);
    assertThrows(NdkMisuseException.class, () -> rig.provider.closeAdapter(rig.adapter));
    List<String> events = events(last());
    assertTrue(events.get(0).startsWith("consumer calls OpenAdapter, version "), events::toString);
    assertTrue(events.get(1).startsWith("returned "), events::toString);
    assertEquals("consumer calls CloseAdapter", events.get(2), events::toString);
  }

  @Test
  void queryAdapterInfoAnswersWhatTheProviderAnswered() {
    NdkAdapterInfoResult result = rig.adapter.queryAdapterInfo(4096);
    assertEquals(NtStatus.SUCCESS, result.status());
    assertEquals(rig.fake.info(), result.info());
    rig.assertClean();
  }

  @Test
  void invariant31_moderationsAnswerIsInTheHistoryAndTheCqStaysUsable() {
    NdkCq cq = rig.cq();
    assertEquals(NtStatus.NOT_SUPPORTED, cq.controlCqInterruptModeration(8, 16));
    cq.getCqResults(new NdkResult[4]);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    cq.closeObject(ctx -> {}, null);
    List<String> events = events(only(rig, 5));
    int call = events.indexOf("consumer calls ControlCqInterruptModeration");
    assertTrue(call >= 0, events::toString);
    assertEquals("returned STATUS_NOT_SUPPORTED", events.get(call + 1), events::toString);
  }

  // ---- what was running, and how callbacks ended

  @Test
  void invariant07_theReportNamesTheCallbackStillRunning() {
    rig.fake.closeAnswer = NtStatus.PENDING;
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            (ctx, status) -> {
              cq[0].closeObject(c -> {}, null);
              rig.fake.last("Close").completeClose();
            });
    cq[0].armCq(NdkCqNotificationType.ANY);
    rig.advance(3_000_000);
    ((FakeQueues.FakeCq) rig.inner(cq[0])).notifyConsumer(NtStatus.SUCCESS);
    Violation v = only(rig, 7);
    assertTrue(
        v.happened().endsWith("while its CqNotification (started at 3.000 us) was still running"),
        v::toString);
  }

  @Test
  void invariant06_afterASuccessfulCloseTheReportSaysCloseObjectReturnedSuccess() {
    NdkCq cq = rig.cq();
    cq.armCq(NdkCqNotificationType.ANY);
    FakeQueues.FakeCq fakeCq = rig.inner(cq);
    cq.closeObject(ctx -> {}, null);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    Violation v = only(rig, 6);
    assertTrue(v.happened().endsWith(" (CloseObject returned SUCCESS)"), v::toString);
  }

  @Test
  void invariant06_afterAPendingCloseTheReportSaysItsCompletionHadRun() {
    NdkConnector connector = rig.connector();
    connector.completeConnect(ctx -> {}, null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    rig.fake.closeAnswer = NtStatus.PENDING;
    connector.closeObject(ctx -> {}, null);
    rig.fake.last("Close").completeClose();
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    Violation v = only(rig, 6);
    assertTrue(v.happened().endsWith(" (its close completion had run)"), v::toString);
  }

  @Test
  void invariant15_ownNotificationsOverlappingInSimulatedTimeBlameTheProviderNotTheConsumer() {
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            (ctx, status) -> {
              cq[0].getCqResults(new NdkResult[4]);
              cq[0].armCq(NdkCqNotificationType.ANY);
            });
    FakeQueues.FakeCq fakeCq = rig.inner(cq[0]);
    cq[0].armCq(NdkCqNotificationType.ANY);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 30_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.advance(10_000_000);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 30_000_000);
    fakeCq.notifyConsumer(NtStatus.SUCCESS);
    rig.verifier.audit();
    assertTrue(
        rig.verifier.violations().stream().noneMatch(v -> v.side() == Side.CONSUMER),
        rig.verifier::report);
    assertTrue(rig.reported().contains(15), rig.verifier::report);
  }

  @Test
  void invariant13_aCompletionStartedByAFreshCallMadeWhileAnEarlierOneRunsInModelledTimeIsFine() {
    NdkMr mr = rig.mr(rig.pd());
    rig.fake.duringCall =
        call -> {
          if (call.requestCompletion != null) {
            rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 5_000_000);
            call.completeRequest(NtStatus.SUCCESS); // inline, inside the consumer's call
          }
        };
    mr.registerMr(Mdl.of(0x1000, 4096), 4096, 0, (ctx, status) -> {}, "reg");
    rig.advance(1_000_000); // the registration's completion still runs in modelled time
    mr.deregisterMr((ctx, status) -> {}, "dereg");
    rig.fake.duringCall = call -> {};
    rig.assertClean();
  }

  // ---- a callback that ended at a refused call says so in its object's history

  private static final String REFUSED = " ended at a refused call: C1";

  @Test
  void aCreateCompletionEndingAtARefusedCallIsInTheObjectsHistory() {
    NdkCq closed = rig.cq();
    closed.closeObject(ctx -> {}, null);
    rig.fake.createAnswer = NtStatus.PENDING;
    NdkPd[] pd = new NdkPd[1];
    rig.adapter.createPd(
        (ctx, status, object) -> {
          pd[0] = (NdkPd) object;
          closed.armCq(NdkCqNotificationType.ANY); // refused: C1
        },
        null);
    rig.fake.last("CreatePd").completeCreate(NtStatus.SUCCESS); // no exception reaches here
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    pd[0].closeObject(ctx -> {}, null);
    assertTrue(
        events(last()).contains("the consumer's CreateCompletion" + REFUSED), last()::toString);
  }

  @Test
  void aCloseCompletionEndingAtARefusedCallIsInTheObjectsHistory() {
    NdkPd pd = rig.pd();
    rig.fake.closeAnswer = NtStatus.PENDING;
    pd.closeObject(ctx -> pd.createMw(null, null), null); // refused: C1
    FakeProvider.Call close = rig.fake.last("Close");
    close.completeClose();
    close.completeClose(); // invariant 5, on the PD
    assertTrue(
        events(last()).contains("the consumer's CloseCompletion" + REFUSED), last()::toString);
  }

  @Test
  void connectionEventsEndingAtARefusedCallAreInTheObjectsHistory() {
    NdkCq closed = rig.cq();
    closed.closeObject(ctx -> {}, null);
    NdkListener listener =
        rig.adapter
            .createListener((ctx, c) -> closed.armCq(NdkCqNotificationType.ANY), null, null, null)
            .object();
    listener.listen(NdkSockAddr.of("10.0.0.1", 5000), (ctx, status) -> {}, null);
    rig.fake.last("Listen").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeListener) rig.inner(listener)).fireConnectEvent();
    NdkConnector connector = rig.connector();
    connector.completeConnect(
        ctx -> closed.armCq(NdkCqNotificationType.ANY), null, (ctx, status) -> {}, null);
    rig.fake.last("CompleteConnect").completeRequest(NtStatus.SUCCESS);
    ((FakeConnections.FakeConnector) rig.inner(connector)).fireDisconnectEvent();
    rig.fake.closeAnswer = NtStatus.INSUFFICIENT_RESOURCES;
    listener.closeObject(ctx -> {}, null);
    assertTrue(events(last()).contains("the consumer's ConnectEvent" + REFUSED), last()::toString);
    connector.closeObject(ctx -> {}, null);
    assertTrue(
        events(last()).contains("the consumer's DisconnectEvent" + REFUSED), last()::toString);
  }
}
