package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent;
import org.rnicsim.model.trace.ModelTraceEvent.QpStateChanged;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * An established connection takes posts at full speed (ndkpi-spec 4, connection flow:
 * "CompleteConnect -> established"): the QPs' MODIFY_QP commands (INIT -> RTR -> RTS) run before
 * Accept and CompleteConnect complete, and a close or a removal on the way still ends the request
 * that waits on them and tells the peer (invariants 5-10).
 */
class ConnectionReadinessTest {
  private static final List<NdkSge> SGL =
      List.of(new NdkSge(0x1000, 64, ProviderRig.TEST_LOCAL_TOKEN));

  /** The shortest MODIFY_QP the firmware config can take: what a post must not wait for. */
  static long modifyQpFloorPs() {
    return floorPs(
        HardwareConfig.assumedDefaults().firmware().latency(FirmwareCommandKind.MODIFY_QP));
  }

  private static long floorPs(CommandLatency latency) {
    if (latency instanceof CommandLatency.Fixed fixed) {
      return fixed.latencyPs();
    }
    if (latency instanceof CommandLatency.Uniform uniform) {
      return uniform.minPs();
    }
    if (latency instanceof CommandLatency.PerPage perPage) {
      return floorPs(perPage.base());
    }
    return 0; // exponential: no floor
  }

  private static long modifyQpsDone(TwoHosts h) {
    long done = 0;
    for (int host = 0; host < 2; host++) {
      String name =
          h.hosts.node(host).rnic().name() + ".fw.latencyPs." + FirmwareCommandKind.MODIFY_QP;
      done += h.hosts.stats().histogram(name).count();
    }
    return done;
  }

  /** Posts one Write on {@code qp} now and runs until its completion is in {@code cq}. */
  private static long writeLatencyPs(TwoHosts h, NdkQp qp, NdkCq cq) {
    long start = h.sim.nowPs();
    assertEquals(NtStatus.SUCCESS, qp.write("w", SGL, 0x2000, ProviderRig.TEST_REMOTE_TOKEN, 0));
    NdkResultEx[] results = new NdkResultEx[1];
    int[] got = {0};
    h.sim.runUntil(() -> (got[0] += cq.getCqResultsEx(results)) > 0);
    assertEquals(NtStatus.SUCCESS, results[0].status());
    return h.sim.nowPs() - start;
  }

  @Test
  void aWritePostedWhenCompleteConnectCompletesRunsAtWarmSpeed() {
    TwoHosts h = new TwoHosts();
    h.establish();
    long modifiesAtEstablished = modifyQpsDone(h);
    long firstPs = writeLatencyPs(h, h.active.qp, h.active.cq);
    assertEquals(modifiesAtEstablished, modifyQpsDone(h), "no MODIFY_QP ran after established");
    long passiveFirstPs = writeLatencyPs(h, h.passive.qp, h.passive.cq);
    long warmPs = writeLatencyPs(h, h.active.qp, h.active.cq);
    long floorPs = modifyQpFloorPs();
    assertTrue(floorPs > 0, "the firmware config makes MODIFY_QP take time");
    assertTrue(
        firstPs < warmPs + floorPs,
        "first " + firstPs + " ps vs warm " + warmPs + " ps + one MODIFY_QP " + floorPs + " ps");
    assertTrue(passiveFirstPs < warmPs + floorPs, "passive first " + passiveFirstPs + " ps");
  }

  /** Two hosts whose passive side has just called Accept. */
  private static TwoHosts accepted() {
    TwoHosts h = new TwoHosts();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    assertEquals(NtStatus.PENDING, h.accept(null));
    return h;
  }

  /**
   * Runs the handshake until CompleteConnect has completed and the RTU has started the passive QP's
   * MODIFY_QP to RTS, the one firmware command Accept still waits for.
   */
  private static TwoHosts passiveMovingToRts() {
    TwoHosts h = accepted();
    int[] modifies = {0};
    h.sim
        .trace()
        .addSink(
            event -> {
              if (event instanceof FirmwareTraceEvent.CommandSubmitted submitted
                  && submitted.kind() == FirmwareCommandKind.MODIFY_QP) {
                modifies[0]++;
              }
            });
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.sim.runUntil(() -> h.active.completions.size() == 2);
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
    int before = modifies[0];
    h.sim.runUntil(() -> modifies[0] > before);
    assertEquals(List.of(), h.passive.completions, "Accept waits for RTS");
    return h;
  }

  @Test
  void
      closingThePassiveConnectorWhileItsQpMovesToRtsCancelsAccept_andTheActiveSideIsToldByItsEvent() {
    TwoHosts h = passiveMovingToRts();
    ProviderRig.Closed closed = h.b.close(h.passive.connector);
    h.run();
    assertEquals(List.of(NtStatus.CANCELLED), h.passive.completions);
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
    assertEquals(1, h.active.disconnectEvents.size(), "the established active side hears of it");
    assertTrue(closed.done(), "the close completes");
    assertTrue(!((SimQp) h.active.qp).isConnected());
  }

  @Test
  void closingTheActiveConnectorWhileThePassiveQpMovesToRtsAbortsAccept() {
    TwoHosts h = passiveMovingToRts();
    ProviderRig.Closed closed = h.a.close(h.active.connector);
    h.run();
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
    assertEquals(List.of(NtStatus.CONNECTION_ABORTED), h.passive.completions);
    assertTrue(closed.done(), "the close completes");
    assertTrue(!((SimQp) h.passive.qp).isConnected());
  }

  @Test
  void aSurpriseRemovalWhileThePassiveQpMovesToRtsFailsAccept() {
    TwoHosts h = passiveMovingToRts();
    h.hosts.node(1).surpriseRemove();
    h.run();
    assertEquals(List.of(FirmwareGateway.DEVICE_REMOVED), h.passive.completions);
    assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
    assertTrue(!((SimQp) h.active.qp).isConnected(), "the datapath connection is gone");
  }

  @Test
  void aSurpriseRemovalWhileThePassiveQpMovesToRtrFailsAccept_andConnectTimesOut() {
    TwoHosts h = accepted();
    long sentBefore = h.madsSent(1);
    h.hosts.node(1).surpriseRemove();
    h.run();
    assertEquals(List.of(FirmwareGateway.DEVICE_REMOVED), h.passive.completions);
    assertEquals(sentBefore, h.madsSent(1), "no REP left the removed adapter");
    // The REJ dies with the adapter too: the active side gives up after its REQ resends.
    assertEquals(List.of(NtStatus.IO_TIMEOUT), h.active.completions);
  }

  @Test
  void closingTheActiveConnectorWhileItsQpMovesToRtsAbortsTheWaitingAccept() {
    TwoHosts h = accepted();
    boolean[] activeRtr = {false};
    h.sim
        .trace()
        .addSink(
            event -> {
              if (event instanceof QpStateChanged change
                  && change.adapter().equals(h.hosts.node(0).rnic().name())
                  && change.to().equals("RTR")) {
                activeRtr[0] = true;
              }
            });
    h.sim.runUntil(() -> activeRtr[0]);
    assertEquals(List.of(), h.active.completions, "Connect waits for the active QP's RTS");
    ProviderRig.Closed closed = h.a.close(h.active.connector);
    h.run();
    assertEquals(List.of(NtStatus.CANCELLED), h.active.completions);
    assertEquals(List.of(NtStatus.CONNECTION_ABORTED), h.passive.completions);
    assertTrue(closed.done(), "the close completes");
  }
}
