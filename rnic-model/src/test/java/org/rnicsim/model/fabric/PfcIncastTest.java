package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.ClosedLoopWriter;
import org.rnicsim.model.testbed.StarTestbed;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * Fourteen senders WRITE 4 KiB messages, 64 outstanding each, into one receiver's switch port:
 * fourteen times its line rate. With PFC and XOFF set to leave the 802.1Qbb headroom, the switch
 * must drop nothing, must actually pause the senders, and must keep the bottleneck port busy (it
 * carries WRITE payload; ACKs go the other way).
 */
class PfcIncastTest {
  private static final int SENDERS = 14;
  private static final int MACHINES = SENDERS + 1;
  private static final int RECEIVER = SENDERS;
  private static final long WRITES_PER_SENDER = 150;
  private static final long BUFFER_BYTES = 1 << 20;

  private static final HardwareProfile PROFILE =
      TestProfiles.withFastRetry(100 * SimTime.PS_PER_US, 7);

  /** A switch with the adapters' rate and MAC/PHY latencies, XOFF from the headroom rule. */
  private static SwitchConfig lossless() {
    PortProfile port = PROFILE.port();
    long xoff = PfcBudget.forAdapterPorts(port).xoffBytes(BUFFER_BYTES, SENDERS);
    return new SwitchConfig(
        MACHINES,
        port.rateBitsPerSecond(),
        100_000,
        port.txLatencyPs(),
        port.rxLatencyPs(),
        BUFFER_BYTES,
        true,
        xoff,
        xoff / 2);
  }

  /** When the WRITEs began, after the connections were set up. */
  private long writingFromPs;

  private StarTestbed incast(SwitchConfig config) {
    StarTestbed star = new StarTestbed(PROFILE, MACHINES, config, 1);
    List<ClosedLoopWriter> writers = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      ConnectedPair pair = star.connectPair(i, RECEIVER, 64, 256);
      writers.add(
          new ClosedLoopWriter(
              star.simulator(),
              star.profile().host(),
              star.host(i).core(0),
              pair,
              4096,
              64,
              false));
    }
    writingFromPs = star.simulator().nowPs();
    writers.forEach(w -> w.start(WRITES_PER_SENDER));
    star.simulator()
        .runUntil(() -> writers.stream().allMatch(w -> w.completed() >= WRITES_PER_SENDER));
    for (ClosedLoopWriter writer : writers) {
      assertEquals(WRITES_PER_SENDER, writer.completed(), "every WRITE completed");
    }
    return star;
  }

  private static long pauses(StarTestbed star) {
    long pauses = 0;
    for (int i = 0; i < SENDERS; i++) {
      pauses += star.fabricSwitch().pauses(i);
    }
    return pauses;
  }

  @Test
  void whenFourteenSendersConvergeWithPfc_thenNothingIsDroppedTheSendersPauseAndTheLinkStaysFull() {
    StarTestbed star = incast(lossless());

    assertEquals(0, star.fabricSwitch().drops(RECEIVER), "PFC is lossless");
    assertTrue(pauses(star) > SENDERS, "every sender was paused, most more than once");
    long busyPs = star.stats().counter("switch.out" + RECEIVER + ".busyPs").count();
    double utilisation = (double) busyPs / (star.simulator().nowPs() - writingFromPs);
    assertTrue(utilisation > 0.95, "bottleneck busy " + utilisation + " of the WRITEs' time");
  }

  @Test
  void theHeadroomFollowsTheRuleForAHundredGigabitPortWithHalfAMetreOfCable() {
    // 2 x 4138 B frames + 64 B PAUSE + (2 x 2.5 ns + 4 x 50 ns) x 12.5 B/ns = 8340 + 2563 B.
    assertEquals(
        2 * 4138 + 64 + 2563,
        SwitchConfig.pfcHeadroomBytes(100_000_000_000L, 2_500, 200_000, 4138));
    // 1 MiB over 14 ingress ports, less the headroom and a frame that crossed XOFF.
    assertEquals(
        (1 << 20) / 14 - 10903 - 4138, SwitchConfig.losslessXoffBytes(1 << 20, 14, 10903, 4138));
  }
}
