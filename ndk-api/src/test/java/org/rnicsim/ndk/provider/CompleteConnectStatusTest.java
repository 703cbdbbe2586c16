package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * CompleteConnect's failures (ndkpi-spec 4, request table): CONNECTION_ABORTED once the peer gave
 * up after accepting, CONNECTION_INVALID for a connector that is not connecting at all. Either
 * fails inline, so no callback runs (invariant 12).
 */
class CompleteConnectStatusTest {
  /** Short retries so a passive side that hears nothing gives up within a millisecond. */
  private static final CmRetries QUICK = new CmRetries(100 * SimTime.PS_PER_US, 2);

  /** Two hosts whose active Connect has completed: the peer accepted, CompleteConnect is next. */
  private static TwoHosts replied(CmRetries retries) {
    TwoHosts h = new TwoHosts(retries);
    h.awaitReply();
    return h;
  }

  @Test
  void whenThePassiveConnectorIsClosedAfterItsReply_thenCompleteConnectIsAborted() {
    TwoHosts h = replied(CmRetries.assumedDefault());
    h.b.close(h.passive.connector);
    h.run();
    assertEquals(NtStatus.CONNECTION_ABORTED, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS), h.active.completions, "no callback for an inline fail");
    assertEquals(List.of(), h.active.disconnectEvents, "it never was established");
    assertFalse(((SimQp) h.active.qp).isConnected());
  }

  @Test
  void whenTheVerifierWatchesAnAbortedCompleteConnect_thenItFindsNoViolation() {
    TwoHosts h = new TwoHosts(CmRetries.assumedDefault(), List.of("nicA", "nicB"), true);
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    h.b.closeAndWait(h.passive.connector);
    h.run();
    assertEquals(NtStatus.CONNECTION_ABORTED, h.completeConnect());
    h.a.closeAndWait(h.active.connector);
    h.run();
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  /**
   * The removal is made on the hardware alone; the passive provider hears of it from its adapter
   * node, so its own Accept, waiting for the RTU, fails then with DEVICE_REMOVED (as in
   * PendingRequestRemovalTest), not with IO_TIMEOUT after its REP's resends. The active side's view
   * is the peer's abort.
   */
  @Test
  void whenThePassiveAdapterIsRemovedAfterItsReply_thenCompleteConnectIsAborted() {
    TwoHosts h = replied(QUICK);
    long removedAtPs = h.sim.nowPs();
    h.hosts.node(1).surpriseRemove();
    h.run();
    assertEquals(List.of(FirmwareGateway.DEVICE_REMOVED), h.passive.completions);
    long failedAfterPs = h.b.lastCallbackReturnPs() - removedAtPs;
    assertTrue(
        failedAfterPs < QUICK.responseTimeoutPs(),
        "at the removal, not after the REP's resends: " + SimTime.format(failedAfterPs));
    assertEquals(NtStatus.CONNECTION_ABORTED, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS), h.active.completions, "no callback for an inline fail");
    assertEquals(List.of(), h.active.disconnectEvents);
  }

  @Test
  void whenTheConnectorNeverConnected_thenCompleteConnectIsInvalid() {
    TwoHosts h = new TwoHosts();
    assertEquals(NtStatus.CONNECTION_INVALID, h.completeConnect());
    h.run();
    assertEquals(List.of(), h.active.completions);
  }

  @Test
  void whenConnectWasRefused_thenCompleteConnectIsInvalid() {
    TwoHosts h = new TwoHosts();
    h.connect(null);
    h.awaitConnectEvent();
    assertEquals(NtStatus.SUCCESS, h.passive.connector.reject(null));
    h.run();
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
    assertEquals(
        NtStatus.CONNECTION_INVALID, h.completeConnect(), "Connect failed: not connecting");
  }

  @Test
  void whenCompleteConnectIsCalledTwice_thenTheSecondIsInvalid() {
    TwoHosts h = new TwoHosts();
    h.establish();
    assertEquals(NtStatus.CONNECTION_INVALID, h.completeConnect());
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
  }
}
