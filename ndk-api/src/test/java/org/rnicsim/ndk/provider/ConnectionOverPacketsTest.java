package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.CmRetries;

/**
 * Connection management over the packet fabric: every CM message is a MAD from one adapter's port
 * over the cable to the other's, so it takes wire time, queues behind data and can be lost.
 */
class ConnectionOverPacketsTest {
  /** Short retries so a lost message gives up within a millisecond of simulated time. */
  private static final CmRetries QUICK = new CmRetries(100 * SimTime.PS_PER_US, 2);

  private static TwoHosts hosts(CmRetries retries) {
    return new TwoHosts(retries);
  }

  private static long sent(TwoHosts h, int side) {
    return h.madsSent(side);
  }

  /** Runs Connect and returns how long after the call the passive side's connect event came. */
  private static long connectEventDelayPs(TwoHosts h) {
    long start = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    return h.sim.nowPs() - start;
  }

  @Test
  void theHandshakeTakesTheModelledWireTimeAndEachMessageIsOneMad() {
    TwoHosts h = hosts(QUICK);
    long floorPs = h.minimumMessagePs();
    long start = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.connect(new byte[] {1}));
    h.awaitConnectEvent();
    long requestPs = h.sim.nowPs() - start;
    assertTrue(requestPs >= floorPs, "REQ: " + requestPs + " ps, wire floor " + floorPs);
    long acceptPs = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    assertTrue(h.sim.nowPs() - acceptPs >= floorPs, "REP took the wire too");
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.sim.runUntil(() -> h.passive.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS), h.passive.completions);
    assertEquals(2, sent(h, 0), "REQ and RTU from the active adapter");
    assertEquals(1, sent(h, 1), "REP from the passive adapter");
  }

  @Test
  void rejectAndDisconnectEventsArriveOverTheFabric() {
    TwoHosts h = hosts(QUICK);
    h.connect(null);
    h.awaitConnectEvent();
    long rejectPs = h.sim.nowPs();
    assertEquals(NtStatus.SUCCESS, h.passive.connector.reject(null));
    h.sim.runUntil(() -> !h.active.completions.isEmpty());
    assertEquals(List.of(NtStatus.CONNECTION_REFUSED), h.active.completions);
    assertTrue(h.sim.nowPs() - rejectPs >= h.minimumMessagePs());
    assertEquals(1, sent(h, 1), "the REJ");

    TwoHosts d = hosts(QUICK);
    d.establish();
    long disconnectPs = d.sim.nowPs();
    long beforeDreq = sent(d, 0);
    d.active.connector.disconnect((c, s) -> d.active.completions.add(s), null);
    d.run();
    assertEquals(1, d.passive.disconnectEvents.size());
    assertTrue(d.passive.disconnectEvents.get(0) - disconnectPs >= d.minimumMessagePs());
    assertEquals(NtStatus.SUCCESS, d.active.completions.get(2));
    assertEquals(beforeDreq + 1, sent(d, 0), "one DREQ");
    assertTrue(sent(d, 1) >= 2, "REP and the DREP");
  }

  @Test
  void aRequestSentWhileThePortIsBusyWithBulkDataArrivesLater() {
    long idlePs = connectEventDelayPs(hosts(QUICK));
    TwoHosts busy = hosts(QUICK);
    Port port = busy.hosts.node(0).rnic().port();
    var portProfile = busy.hosts.profile().port();
    int mtu = (int) portProfile.mtuBytes();
    // Bulk data ahead on the wire: 64 MTU-sized WRITE packets (for a QP the far side lacks).
    for (int i = 0; i < 64; i++) {
      port.transmit(
          busy.sim.nowPs(),
          new Packet(
              PacketOpcode.WRITE_MIDDLE, 1, 2, 99, i, mtu, 0, 0, portProfile.packetHeaderBytes()));
    }
    long bulkDonePs = port.busyUntilPs() - busy.sim.nowPs();
    long busyPs = connectEventDelayPs(busy);
    assertTrue(
        busyPs >= bulkDonePs + busy.minimumMessagePs(),
        "the REQ left only after the bulk data: " + busyPs + " ps vs " + bulkDonePs);
    assertTrue(busyPs > idlePs, "idle " + idlePs + " ps, busy " + busyPs + " ps");
  }

  @Test
  void aLinkDownDuringConnectEndsInIoTimeoutAndTheCloseStillCompletes() {
    TwoHosts h = hosts(QUICK);
    h.hosts.cable(0).goDown();
    long start = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.sim.runUntil(() -> !h.active.completions.isEmpty());
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.active.completions, "ndkpi-spec 4: Connect");
    assertTrue(h.sim.nowPs() - start >= QUICK.giveUpAfterPs(), "after every resend");
    assertEquals(QUICK.maxRetries() + 1, sent(h, 0), "the REQ and its resends");
    assertEquals(List.of(), h.connectEvents);
    h.a.closeAndWait(h.active.connector);
  }

  @Test
  void aLinkDownDuringDisconnectEndsInIoTimeoutWithTheQpFlushed() {
    TwoHosts h = hosts(QUICK);
    h.establish();
    assertEquals(
        NtStatus.SUCCESS,
        h.active.qp.receive("r", List.of(new org.rnicsim.ndk.api.struct.NdkSge(0x1000, 64, 1))));
    h.hosts.cable(0).goDown();
    h.active.connector.disconnect((c, s) -> h.active.completions.add(s), null);
    h.sim.runUntil(() -> h.active.completions.size() == 3);
    assertEquals(NtStatus.IO_TIMEOUT, h.active.completions.get(2), "ndkpi-spec 4: Disconnect");
    h.run();
    var results = new org.rnicsim.ndk.api.struct.NdkResultEx[2];
    assertEquals(1, h.active.cq.getCqResultsEx(results), "the flush reached the CQ");
    assertEquals(NtStatus.CANCELLED, results[0].status());
    h.a.closeAndWait(h.active.connector);
    h.b.closeAndWait(h.passive.connector);
  }

  @Test
  void aRequestLostOnceIsResentAndTheConnectionStillForms() {
    TwoHosts h = hosts(QUICK);
    h.hosts.cable(0).goDown();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.sim.runUntil(h.sim.nowPs() + QUICK.responseTimeoutPs() / 2);
    h.hosts.cable(0).goUp();
    h.awaitConnectEvent();
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS), h.active.completions);
    assertEquals(1, h.connectEvents.size(), "the resent REQ made one connection, not two");
    assertEquals(2, sent(h, 0), "the lost REQ and its resend");
  }

  @Test
  void aSendStuckOnReceiverNotReadyHoldsDisconnectOnlyUntilTheDrainLimit() {
    TwoHosts h = hosts(QUICK);
    h.establish();
    // The passive side posts no receive, so the Send retries RNR forever (NdkHosts' profile).
    var sgl = List.of(new org.rnicsim.ndk.api.struct.NdkSge(0x1000, 64, 1));
    assertEquals(NtStatus.SUCCESS, h.active.qp.send("stuck", sgl, 0));
    long start = h.sim.nowPs();
    long[] doneAt = {-1};
    h.active.connector.disconnect(
        (c, s) -> {
          h.active.completions.add(s);
          doneAt[0] = h.sim.nowPs();
        },
        null);
    h.sim.runUntil(() -> h.active.completions.size() == 3);
    assertEquals(NtStatus.SUCCESS, h.active.completions.get(2));
    long tookPs = doneAt[0] - start;
    assertTrue(tookPs >= QUICK.responseTimeoutPs(), "waited for the Send: " + tookPs + " ps");
    assertTrue(tookPs < 2 * QUICK.responseTimeoutPs(), "then the DREQ went: " + tookPs + " ps");
    var results = new org.rnicsim.ndk.api.struct.NdkResultEx[2];
    assertEquals(1, h.active.cq.getCqResultsEx(results), "the Send was reported before");
    assertTrue(!results[0].status().equals(NtStatus.SUCCESS), "it never found a receive");
  }
}
