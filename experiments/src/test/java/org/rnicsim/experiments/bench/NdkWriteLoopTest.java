package org.rnicsim.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.provider.NdkHosts;

/** The NDK write loop that {@code bench model} times with and without the lifetime verifier. */
class NdkWriteLoopTest {

  @Test
  void theVerifierWatchesWithoutChangingTheSimulation() {
    NdkWriteLoop direct = new NdkWriteLoop(NdkHosts.connectX4Class(), 64, 16, false);
    NdkWriteLoop verified = new NdkWriteLoop(NdkHosts.connectX4Class(), 64, 16, true);
    long directEvents = direct.run(5_000);
    long verifiedEvents = verified.run(5_000);
    // The comparison is fair only if both loops simulate exactly the same thing: the verifier
    // reads the simulated clock and never schedules anything.
    assertEquals(direct.nowPs(), verified.nowPs());
    assertEquals(directEvents, verifiedEvents);
    assertEquals(0, verified.violations());
    assertEquals(0, direct.failures() + verified.failures());
  }

  @Test
  void theLoopRunsAtTheModelledWriteRateNotFasterThanTheWire() {
    NdkWriteLoop loop = new NdkWriteLoop(NdkHosts.connectX4Class(), 64, 16, false);
    loop.run(1_000);
    long startPs = loop.nowPs();
    loop.run(10_000);
    double simulatedSeconds = (loop.nowPs() - startPs) / 1e12;
    double writesPerSecond = 10_000 / simulatedSeconds;
    // 16 outstanding 64 B WRITEs, each a post-to-completion round trip of about 2 us (R1 one way
    // is 0.82 us): several million per second, and far below the 100 Gb/s line rate in packets.
    assertTrue(writesPerSecond > 1e6, "writes per simulated second: " + writesPerSecond);
    assertTrue(writesPerSecond < 100e9 / 8 / 64, "writes per simulated second: " + writesPerSecond);
  }
}
