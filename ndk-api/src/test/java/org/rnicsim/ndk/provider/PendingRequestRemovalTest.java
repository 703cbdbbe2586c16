package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.FirmwareGateway;

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

  @Test
  void whenConnectWaitsForTheReplyAndItsAdapterIsRemoved_thenConnectFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    List<Long> calledAtPs = new ArrayList<>();
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.connect(
            h.active.qp,
            TwoHosts.A,
            TwoHosts.B,
            8,
            8,
            null,
            (ctx, s) -> record(h, h.active.completions, calledAtPs, s),
            "connect"));
    h.awaitConnectEvent(); // the REQ arrived; the passive consumer has not answered yet
    long removedAtPs = h.sim.nowPs();
    h.a.provider.surpriseRemoval();
    long sentAtRemoval = h.madsSent(0);
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.active.completions);
    assertPrompt(calledAtPs, removedAtPs);
    assertEquals(sentAtRemoval, h.madsSent(0), "no REQ is resent from a removed adapter");
    assertFalse(((SimQp) h.active.qp).isConnected());
    assertEquals(NtStatus.CONNECTION_INVALID, h.completeConnect(), "Connect failed");
  }

  @Test
  void whenAcceptWaitsForTheReadyToUseAndItsAdapterIsRemoved_thenAcceptFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    List<Long> calledAtPs = new ArrayList<>();
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
            (ctx, s) -> record(h, h.passive.completions, calledAtPs, s),
            "accept"));
    h.sim.runUntil(() -> h.active.completions.size() == 1); // the REP arrived: Connect is done
    assertEquals(List.of(NtStatus.SUCCESS), h.active.completions);
    long removedAtPs = h.sim.nowPs();
    h.b.provider.surpriseRemoval();
    long sentAtRemoval = h.madsSent(1);
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.passive.completions);
    assertPrompt(calledAtPs, removedAtPs);
    assertEquals(sentAtRemoval, h.madsSent(1), "no REP is resent from a removed adapter");
    assertFalse(((SimQp) h.passive.qp).isConnected());
    assertEquals(List.of(), h.passive.disconnectEvents, "it never was established");
  }

  @Test
  void whenDisconnectWaitsForTheReplyAndItsAdapterIsRemoved_thenItFailsDeviceRemovedAtOnce() {
    TwoHosts h = new TwoHosts(RETRIES);
    h.establish();
    List<NtStatus> disconnects = new ArrayList<>();
    List<Long> calledAtPs = new ArrayList<>();
    long sentBefore = h.madsSent(0);
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.disconnect((ctx, s) -> record(h, disconnects, calledAtPs, s), "disc"));
    h.sim.runUntil(() -> h.madsSent(0) > sentBefore); // the DREQ is on the wire
    long removedAtPs = h.sim.nowPs();
    h.a.provider.surpriseRemoval();
    long sentAtRemoval = h.madsSent(0);
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), disconnects);
    assertPrompt(calledAtPs, removedAtPs);
    assertEquals(sentAtRemoval, h.madsSent(0), "no DREQ is resent from a removed adapter");
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
    List<NtStatus> disconnects = new ArrayList<>();
    List<Long> calledAtPs = new ArrayList<>();
    long calledPs = h.sim.nowPs();
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.disconnect((ctx, s) -> record(h, disconnects, calledAtPs, s), "disc"));
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), disconnects);
    assertPrompt(calledAtPs, calledPs);
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
    List<NtStatus> disconnects = new ArrayList<>();
    List<Long> calledAtPs = new ArrayList<>();
    long sentBefore = h.madsSent(0);
    assertEquals(
        NtStatus.PENDING,
        h.active.connector.disconnect((ctx, s) -> record(h, disconnects, calledAtPs, s), "disc"));
    h.sim.runUntil(() -> h.sim.nowPs() > SimTime.PS_PER_MS); // well inside the drain limit
    assertEquals(List.of(), disconnects, "still draining");
    long removedAtPs = h.sim.nowPs();
    h.a.provider.surpriseRemoval();
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), disconnects);
    assertPrompt(calledAtPs, removedAtPs);
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

  private static void record(TwoHosts h, List<NtStatus> into, List<Long> calledAtPs, NtStatus s) {
    into.add(s);
    calledAtPs.add(h.sim.nowPs());
  }

  private static void assertPrompt(List<Long> calledAtPs, long removedAtPs) {
    assertEquals(1, calledAtPs.size(), "one callback (invariant 12)");
    long afterPs = calledAtPs.get(0) - removedAtPs;
    assertTrue(
        afterPs >= 0 && afterPs < PROMPT_PS,
        "fails at the removal, not after the CM's resends: " + SimTime.format(afterPs));
  }
}
