package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.ClosedLoopWriter;
import org.rnicsim.model.testbed.StarTestbed;
import org.rnicsim.model.testbed.TestProfiles;

class FabricSwitchTest {
  private static final long WRITES_PER_SENDER = 200;

  /**
   * Without PFC a 32 KiB output buffer; with PFC 256 KiB, XOFF at 64 KiB per ingress port, leaving
   * headroom for what each sender has already handed its port and its cable.
   */
  private static SwitchConfig config(boolean pfc) {
    long bufferBytes = pfc ? 256 * 1024 : 32 * 1024;
    return new SwitchConfig(
        4, 100_000_000_000L, 300_000, 50_000, 50_000, bufferBytes, pfc, 64 * 1024, 32 * 1024);
  }

  /** Two senders WRITE 16 KiB messages to one receiver: twice the receiver's port rate. */
  private static StarTestbed incast(boolean pfc) {
    StarTestbed star =
        new StarTestbed(TestProfiles.withFastRetry(100 * SimTime.PS_PER_US, 7), 3, config(pfc), 1);
    List<ConnectedPair> pairs =
        List.of(star.connectPair(0, 2, 64, 256), star.connectPair(1, 2, 64, 256));
    List<ClosedLoopWriter> writers =
        List.of(
            new ClosedLoopWriter(
                star.simulator(),
                star.profile().host(),
                star.host(0).core(0),
                pairs.get(0),
                16 * 1024,
                8,
                false),
            new ClosedLoopWriter(
                star.simulator(),
                star.profile().host(),
                star.host(1).core(0),
                pairs.get(1),
                16 * 1024,
                8,
                false));
    writers.forEach(w -> w.start(WRITES_PER_SENDER));
    star.simulator()
        .runUntil(() -> writers.stream().allMatch(w -> w.completed() >= WRITES_PER_SENDER));
    for (ClosedLoopWriter writer : writers) {
      assertEquals(WRITES_PER_SENDER, writer.completed(), "every WRITE completed");
    }
    return star;
  }

  @Test
  void anIncastOverflowsAFiniteOutputBufferAndRetransmissionStillDeliversEverything() {
    StarTestbed star = incast(false);
    assertTrue(star.fabricSwitch().drops(2) > 0, "the receiver's output queue dropped");
    assertEquals(0, star.fabricSwitch().pauses(0) + star.fabricSwitch().pauses(1));
  }

  @Test
  void withPfcTheSwitchPausesTheSendersInsteadOfDropping() {
    StarTestbed star = incast(true);
    assertEquals(0, star.fabricSwitch().drops(2), "PFC: no drops");
    assertTrue(star.fabricSwitch().pauses(0) + star.fabricSwitch().pauses(1) > 0, "paused");
  }
}
