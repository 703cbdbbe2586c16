package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * Connection calls made after the caller's own adapter was surprise-removed fail the way every
 * other request on a removed adapter does in this provider: PENDING, then one callback with
 * STATUS_DEVICE_REMOVED (invariant 12), and nothing leaves the removed adapter. A CompleteConnect
 * after the removal must not establish a connection the hardware can no longer carry.
 */
class OwnAdapterRemovalTest {
  /** Short retries so the side that hears nothing gives up within a millisecond. */
  private static final CmRetries QUICK = new CmRetries(100 * SimTime.PS_PER_US, 2);

  private static final NtStatus DEVICE_REMOVED = FirmwareGateway.DEVICE_REMOVED;

  @Test
  void whenTheActiveAdapterIsRemovedBeforeCompleteConnect_thenCompleteConnectFailsDeviceRemoved() {
    TwoHosts h = new TwoHosts(QUICK);
    h.awaitReply();
    h.a.provider.surpriseRemoval();
    long sentBefore = h.madsSent(0);
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, DEVICE_REMOVED), h.active.completions);
    assertEquals(sentBefore, h.madsSent(0), "no RTU leaves a removed adapter");
    assertEquals(List.of(), h.active.disconnectEvents, "it never was established");
    assertFalse(((SimQp) h.active.qp).isConnected());
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.passive.completions, "no RTU ever reaches it");
  }

  @Test
  void whenTheActiveAdapterIsRemovedBeforeCompleteConnectEx_thenItFailsDeviceRemovedToo() {
    TwoHosts h = new TwoHosts(QUICK);
    h.awaitReply();
    h.hosts.node(0).surpriseRemove(); // the hardware alone: the provider must still notice
    assertEquals(NtStatus.PENDING, h.completeConnectEx());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, DEVICE_REMOVED), h.active.completions);
    assertFalse(((SimQp) h.active.qp).isConnected());
  }

  /**
   * The peer gives up while the removed side's consumer waits; its REJ dies at the removed adapter.
   * The removal is what the caller must hear, not the peer's abort it cannot know of.
   */
  @Test
  void whenThePeerAlsoGaveUpMeanwhile_thenCompleteConnectStillReportsTheRemoval() {
    TwoHosts h = new TwoHosts(QUICK);
    h.awaitReply();
    h.a.provider.surpriseRemoval();
    h.run();
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.passive.completions);
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, DEVICE_REMOVED), h.active.completions);
  }

  @Test
  void whenThePassiveAdapterIsRemovedBeforeAccept_thenAcceptFailsDeviceRemoved() {
    TwoHosts h = new TwoHosts(QUICK);
    removePassiveAdapterBeforeAccept(h);
    long sentBefore = h.madsSent(1);
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.passive.completions);
    assertEquals(sentBefore, h.madsSent(1), "no REP leaves a removed adapter");
    assertFalse(((SimQp) h.passive.qp).isConnected());
    // Its REJ dies with the adapter: the active side gives up after its REQ resends.
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.active.completions);
  }

  @Test
  void whenTheActiveSideAlsoGaveUpMeanwhile_thenAcceptStillReportsTheRemoval() {
    TwoHosts h = new TwoHosts(QUICK);
    removePassiveAdapterBeforeAccept(h);
    h.run();
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.active.completions, "no MRA answers its REQs");
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.passive.completions);
  }

  @Test
  void whenTheActiveAdapterIsRemovedBeforeConnectWithSharedEndpoint_thenItFailsDeviceRemoved() {
    TwoHosts h = new TwoHosts();
    NdkSharedEndpoint endpoint =
        h.a.create(cb -> h.a.adapter.createSharedEndpoint(TwoHosts.A, cb, null));
    h.a.provider.surpriseRemoval();
    NtStatus inline =
        h.active.connector.connectWithSharedEndpoint(
            h.active.qp,
            endpoint,
            TwoHosts.B,
            8,
            8,
            null,
            (c, s) -> h.active.completions.add(s),
            0);
    assertEquals(NtStatus.PENDING, inline);
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.active.completions);
    assertEquals(List.of(), h.connectEvents);
  }

  @Test
  void whenTheActiveAdapterIsRemovedBeforeConnect_thenConnectFailsDeviceRemoved() {
    TwoHosts h = new TwoHosts();
    h.a.provider.surpriseRemoval();
    long startPs = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.active.completions);
    assertEquals(0, h.madsSent(0), "no REQ leaves a removed adapter");
    assertEquals(List.of(), h.connectEvents, "the passive side never hears of it");
    long failedAfterPs = h.a.lastCallbackReturnPs() - startPs;
    assertTrue(
        failedAfterPs < CmRetries.assumedDefault().responseTimeoutPs(),
        "it fails at once, not after the REQ's resends ran out: " + SimTime.format(failedAfterPs));
    assertEquals(NtStatus.CONNECTION_INVALID, h.completeConnect(), "Connect failed");
  }

  @Test
  void whenTheVerifierWatchesAcceptOnARemovedAdapter_thenItFindsNoViolation() {
    TwoHosts h = new TwoHosts(QUICK, List.of("nicA", "nicB"), true);
    removePassiveAdapterBeforeAccept(h);
    assertEquals(NtStatus.PENDING, h.accept(null));
    ProviderRig.Closed qpClose = h.b.close(h.passive.qp); // an antecedent first (invariant 10)
    h.run();
    assertEquals(List.of(DEVICE_REMOVED), h.passive.completions);
    assertEquals(NtStatus.PENDING, qpClose.status);
    assertFalse(qpClose.done(), "the QP's close waits for its connector's");
    h.b.closeAndWait(h.passive.connector);
    h.a.closeAndWait(h.active.connector);
    h.run();
    assertTrue(qpClose.done());
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  @Test
  void whenTheVerifierWatchesCompleteConnectOnARemovedAdapter_thenItFindsNoViolation() {
    TwoHosts h = new TwoHosts(QUICK, List.of("nicA", "nicB"), true);
    h.awaitReply();
    h.a.provider.surpriseRemoval();
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, DEVICE_REMOVED), h.active.completions);
    h.a.closeAndWait(h.active.connector);
    h.a.closeAndWait(h.active.qp);
    h.b.closeAndWait(h.passive.connector);
    h.run();
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  /** Connect until the passive consumer holds its connector, then remove the passive adapter. */
  private static void removePassiveAdapterBeforeAccept(TwoHosts h) {
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    h.b.provider.surpriseRemoval();
  }
}
