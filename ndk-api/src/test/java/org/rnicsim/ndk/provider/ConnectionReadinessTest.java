package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.FirmwareGateway;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * An established connection takes posts at full speed (ndkpi-spec 4, connection flow:
 * "CompleteConnect -> established"): the QPs' MODIFY_QP commands (INIT -> RTR -> RTS) run before
 * Accept and CompleteConnect complete, and a close or a removal on the way still ends both requests
 * (invariants 5-10).
 */
class ConnectionReadinessTest {
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 64, 3));

  /** The shortest MODIFY_QP the firmware config can take: what a post must not wait for. */
  private static long modifyQpFloorPs() {
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
    assertEquals(NtStatus.SUCCESS, qp.write("w", SGL, 0x2000, 3, 0));
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

  /** Runs the handshake until the RTU has joined both QPs on the datapath, before RTS. */
  private static TwoHosts joining() {
    TwoHosts h = new TwoHosts();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.sim.runUntil(() -> ((SimQp) h.passive.qp).isConnected());
    assertEquals(List.of(), h.passive.completions, "Accept waits for RTS");
    assertEquals(1, h.active.completions.size(), "CompleteConnect waits for RTS");
    return h;
  }

  @Test
  void closingThePassiveConnectorWhileTheQpsMoveToRtsEndsBothRequests() {
    TwoHosts h = joining();
    ProviderRig.Closed closed = h.b.close(h.passive.connector);
    h.run();
    assertEquals(List.of(NtStatus.CANCELLED), h.passive.completions);
    assertEquals(NtStatus.CONNECTION_ABORTED, h.active.completions.get(1));
    assertEquals(2, h.active.completions.size());
    assertTrue(closed.done(), "the close completes");
    assertTrue(!((SimQp) h.active.qp).isConnected());
  }

  @Test
  void closingTheActiveConnectorWhileTheQpsMoveToRtsEndsBothRequests() {
    TwoHosts h = joining();
    ProviderRig.Closed closed = h.a.close(h.active.connector);
    h.run();
    assertEquals(NtStatus.CANCELLED, h.active.completions.get(1));
    assertEquals(List.of(NtStatus.CONNECTION_ABORTED), h.passive.completions);
    assertTrue(closed.done(), "the close completes");
    assertTrue(!((SimQp) h.passive.qp).isConnected());
  }

  @Test
  void aSurpriseRemovalWhileTheQpsMoveToRtsFailsAcceptAndCompleteConnect() {
    TwoHosts h = joining();
    h.hosts.node(1).surpriseRemove();
    h.run();
    assertEquals(1, h.passive.completions.size());
    assertEquals(List.of(FirmwareGateway.DEVICE_REMOVED), h.passive.completions);
    assertEquals(List.of(NtStatus.SUCCESS, FirmwareGateway.DEVICE_REMOVED), h.active.completions);
  }
}
