package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.ClosedLoopWriter;

/**
 * Calibration R2: ConnectX-5/6 are sold as "sub-600 ns" latency and ConnectX-6 as 215 million
 * messages per second. The ConnectX-6 class profile must beat neither.
 */
class R2VendorCeilingTest {
  private static final String PROFILE = "connectx6-gen4x16";

  @Test
  void aSmallInlineSendNeverBeats600Nanoseconds() {
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    for (long bytes : new long[] {2, 8, 32, 64}) {
      double oneWayPs = R1SendLatencyTest.oneWayPs(profile, bytes);
      assertTrue(oneWayPs >= 600_000, bytes + " B one-way " + oneWayPs + " ps beats 600 ns");
      assertTrue(
          oneWayPs < 800_000, bytes + " B one-way " + oneWayPs + " ps: not ConnectX-6 class");
    }
  }

  @Test
  void manyQpsOfSmallInlineWritesNeverBeat215MillionMessagesPerSecond() {
    // Free CPUs and many QPs: only the adapter can limit the rate.
    HardwareProfile base = CalibrationProfiles.named(PROFILE);
    HardwareProfile profile = base.withHost(new HostProfile(64, 0, 0, 0));
    BackToBackTestbed testbed = new BackToBackTestbed(profile, 1);
    List<ClosedLoopWriter> writers = new ArrayList<>();
    int qps = 48;
    for (int i = 0; i < qps; i++) {
      BackToBackTestbed.ConnectedPair pair = testbed.connectPair(128, 512);
      writers.add(new ClosedLoopWriter(testbed, pair, 8, 32, true, i));
    }
    long perQp = 4_000;
    long startPs = testbed.simulator().nowPs();
    writers.forEach(w -> w.start(perQp));
    testbed.simulator().runUntil(() -> writers.stream().allMatch(w -> w.completed() >= perQp));
    double seconds = SimTime.toSeconds(testbed.simulator().nowPs() - startPs);
    double messagesPerSecond = qps * perQp / seconds;
    assertTrue(messagesPerSecond <= 215e6, "rate " + messagesPerSecond + " beats 215 M/s");
    assertTrue(messagesPerSecond > 100e6, "rate " + messagesPerSecond + ": the test never pushed");
  }
}
