package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * Connection requests already pending when their own adapter is surprise-removed, each waiting for
 * the other host (Connect for the REP, Accept for the RTU, Disconnect for the DREP), fail with
 * STATUS_DEVICE_REMOVED at the removal, as SimNdkProvider.surpriseRemoval promises and as requests
 * waiting on the removed adapter's firmware do; not with IO_TIMEOUT after the CM's resends. Each
 * callback runs once (invariant 12), and no MAD leaves the removed adapter.
 */
class PendingRequestRemovalTest {
  private static final NtStatus DEVICE_REMOVED = FirmwareGateway.DEVICE_REMOVED;

  /** The default retries: one unanswered send waits about 4.3 s, all of them about 69 s. */
  private static final CmRetries RETRIES = CmRetries.assumedDefault();

  /**
   * How soon after the removal the failed request's callback may run: the callback's own dispatch
   * on the control core, far below one CM response timeout (4.3 s).
   */
  private static final long PROMPT_PS = 10 * SimTime.PS_PER_US;

  /** One request's callbacks: the status and the simulated time of each. */
  private static final class Seen {
    final List<NtStatus> statuses = new ArrayList<>();
    final List<Long> atPs = new ArrayList<>();

    NdkFnRequestCompletion completion(TwoHosts h) {
      return (ctx, status) -> {
        statuses.add(status);
        atPs.add(h.sim.nowPs());
      };
    }
  }

  @Test
  void whenConnectWaitsForTheReplyAndItsAdapterIsRemoved_thenConnectFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    Seen connect = new Seen();
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.connect(
            h.active.qp, TwoHosts.A, TwoHosts.B, 8, 8, null, connect.completion(h), "connect"));
    h.awaitConnectEvent(); // the REQ arrived; the passive consumer has not answered yet
    removeThenExpectDeviceRemoved(h, 0, connect);
    assertFalse(((SimQp) h.active.qp).isConnected());
    assertEquals(NtStatus.CONNECTION_INVALID, h.completeConnect(), "Connect failed");
  }

  @Test
  void whenAcceptWaitsForTheReadyToUseAndItsAdapterIsRemoved_thenAcceptFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    Seen accept = new Seen();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    assertEquals(
        NtStatus.PENDING,
        h.passive.connector.accept(
            h.passive.qp,
            8,
            8,
            null,
            ctx -> h.passive.disconnectEvents.add(h.sim.nowPs()),
            null,
            accept.completion(h),
            "accept"));
    h.sim.runUntil(() -> h.active.completions.size() == 1); // the REP arrived: Connect is done
    assertEquals(List.of(NtStatus.SUCCESS), h.active.completions);
    removeThenExpectDeviceRemoved(h, 1, accept);
    assertFalse(((SimQp) h.passive.qp).isConnected());
    assertEquals(List.of(), h.passive.disconnectEvents, "it never was established");
  }

  @Test
  void whenDisconnectWaitsForTheReplyAndItsAdapterIsRemoved_thenItFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    h.establish();
    Seen disconnect = new Seen();
    long sentBefore = h.madsSent(0);
    assertEquals(
        NtStatus.PENDING, h.active.connector.disconnect(disconnect.completion(h), "disconnect"));
    h.sim.runUntil(() -> h.madsSent(0) > sentBefore); // the DREQ is on the wire
    removeThenExpectDeviceRemoved(h, 0, disconnect);
    assertEquals(List.of(), h.active.disconnectEvents, "we disconnected first (invariant 25)");
    assertEquals(1, h.passive.disconnectEvents.size(), "the DREQ reached the peer before");
  }

  /**
   * As Connect, Accept and CompleteConnect called on a removed adapter do (OwnAdapterRemovalTest).
   */
  @Test
  void whenDisconnectIsCalledAfterItsAdapterWasRemoved_thenItFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    h.establish();
    h.a.provider.surpriseRemoval();
    long sentAtRemoval = h.madsSent(0);
    Seen disconnect = new Seen();
    long calledPs = h.sim.nowPs();
    assertEquals(
        NtStatus.PENDING, h.active.connector.disconnect(disconnect.completion(h), "disconnect"));
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), disconnect.statuses);
    assertPrompt(disconnect, calledPs);
    assertEquals(sentAtRemoval, h.madsSent(0), "no DREQ leaves a removed adapter");
    assertEquals(List.of(), h.passive.disconnectEvents, "the peer hears nothing");
  }

  /**
   * A Send stuck on receiver-not-ready holds the Disconnect before its DREQ (invariant 26); the
   * removal ends the Send on the adapter and so the Disconnect, at once rather than at the drain
   * limit and after the DREQ's resends (its CQ reports INTERNAL_ERROR instead of entries).
   */
  @Test
  void whenDisconnectWaitsForAStuckSendAndItsAdapterIsRemoved_thenBothEndAtTheRemoval() {
    TwoHosts h = new TwoHosts(RETRIES, List.of("nicA", "nicB"), true);
    h.establish();
    // The passive side posts no receive, so the Send retries RNR forever (NdkHosts' profile).
    assertEquals(
        NtStatus.SUCCESS, h.active.qp.send("stuck", List.of(new NdkSge(0x1000, 64, 1)), 0));
    Seen disconnect = new Seen();
    long sentBefore = h.madsSent(0);
    assertEquals(
        NtStatus.PENDING, h.active.connector.disconnect(disconnect.completion(h), "disconnect"));
    h.sim.runUntil(() -> h.sim.nowPs() > SimTime.PS_PER_MS); // well inside the drain limit
    assertEquals(List.of(), disconnect.statuses, "still draining");
    removeThenExpectDeviceRemoved(h, 0, disconnect);
    assertEquals(sentBefore, h.madsSent(0), "no DREQ ever left");
    h.a.closeAndWait(h.active.connector);
    h.a.closeAndWait(h.active.qp);
    h.b.closeAndWait(h.passive.connector);
    h.run();
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  /**
   * The peer's view stays what a vanished peer looks like: its adapter is fine, so it hears nothing
   * and its own Accept gives up after the REP's resends (IO_TIMEOUT), not with DEVICE_REMOVED.
   */
  @Test
  void whenThePeersAdapterIsRemovedWhileAcceptWaits_thenAcceptStillTimesOut() {
    TwoHosts h = new TwoHosts(new CmRetries(100 * SimTime.PS_PER_US, 2));
    h.awaitReply();
    h.a.provider.surpriseRemoval(); // the active side's adapter; Accept waits on host B
    h.run();
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.passive.completions);
  }

  @Test
  void whenTheVerifierWatchesPendingRequestsFailOnARemovedAdapter_thenItFindsNoViolation() {
    TwoHosts h = new TwoHosts(RETRIES, List.of("nicA", "nicB"), true);
    h.establish();
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.disconnect((ctx, s) -> h.active.completions.add(s), "disc"));
    h.a.provider.surpriseRemoval(); // while the Disconnect waits
    long removedAtPs = h.sim.nowPs();
    // The QP's close waits for its connector's (invariant 10); the connector's close completes.
    ProviderRig.Closed qpClose = h.a.close(h.active.qp);
    h.sim.runUntil(() -> h.active.completions.size() == 3);
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS, DEVICE_REMOVED), h.active.completions);
    assertTrue(h.sim.nowPs() - removedAtPs < PROMPT_PS, "at the removal");
    assertFalse(qpClose.done(), "the QP's close waits for its connector's");
    h.a.closeAndWait(h.active.connector);
    h.b.closeAndWait(h.passive.connector);
    h.run();
    assertTrue(qpClose.done());
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  /**
   * Removes host {@code host}'s adapter now and runs on: the request {@code seen} watches fails
   * once, with DEVICE_REMOVED, at the removal, and the adapter sends nothing more.
   */
  private static void removeThenExpectDeviceRemoved(TwoHosts h, int host, Seen seen) {
    long removedAtPs = h.sim.nowPs();
    h.hosts.provider(host).surpriseRemoval();
    long sentAtRemoval = h.madsSent(host);
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), seen.statuses);
    assertPrompt(seen, removedAtPs);
    assertEquals(sentAtRemoval, h.madsSent(host), "nothing is resent from a removed adapter");
  }

  private static void assertPrompt(Seen seen, long sincePs) {
    assertEquals(1, seen.atPs.size(), "one callback (invariant 12)");
    long afterPs = seen.atPs.get(0) - sincePs;
    assertTrue(
        afterPs >= 0 && afterPs < PROMPT_PS,
        "fails at once, not after the CM's resends: " + SimTime.format(afterPs));
  }
}
