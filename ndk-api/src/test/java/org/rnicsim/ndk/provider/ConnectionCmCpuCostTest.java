package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * The connection manager's host CPU per MAD (HardwareConfig's cmMadCostPs) lies on the handshake's
 * critical path: each message costs it once on the sending host before its doorbell and once on the
 * receiving host after its DPC entry.
 */
class ConnectionCmCpuCostTest {
  /** When Connect and Accept completed, from the Connect call and the CompleteConnect call. */
  private record Handshake(long connectPs, long acceptAfterCompletePs) {}

  private static Handshake handshake(long cmMadCostPs) {
    TwoHosts h = new TwoHosts(HardwareConfig.assumedDefaults().withCmMadCostPs(cmMadCostPs));
    // Let the QPs' own MODIFY_QP to INIT finish first, so no firmware wait hides a CM charge.
    h.run();
    long start = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.connect(null));
    h.awaitConnectEvent();
    assertEquals(NtStatus.PENDING, h.accept(null));
    h.sim.runUntil(() -> h.active.completions.size() == 1);
    long connectPs = h.sim.nowPs() - start;
    long completeCallPs = h.sim.nowPs();
    assertEquals(NtStatus.PENDING, h.completeConnect());
    h.sim.runUntil(() -> h.passive.completions.size() == 1);
    assertEquals(List.of(NtStatus.SUCCESS), h.passive.completions);
    return new Handshake(connectPs, h.sim.nowPs() - completeCallPs);
  }

  @Test
  void whenEachCmMadCostsMoreCpu_thenConnectTakesFourChargesLongerAndAcceptTwo() {
    long cheapPs = SimTime.PS_PER_US;
    long dearPs = 4 * SimTime.PS_PER_US;
    Handshake cheap = handshake(cheapPs);
    Handshake dear = handshake(dearPs);
    long extraPs = dearPs - cheapPs;
    // REQ sent and received, REP sent and received: Connect completes after all four.
    assertEquals(4 * extraPs, dear.connectPs() - cheap.connectPs());
    // RTU sent and received: Accept completes after both.
    assertEquals(2 * extraPs, dear.acceptAfterCompletePs() - cheap.acceptAfterCompletePs());
  }
}
