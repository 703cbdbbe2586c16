package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.HistogramSummary;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.PingPongLatency;

/**
 * Calibration R1: ib_send_lat between two ConnectX-4 EDR adapters on PCIe Gen3 x16, back to back,
 * RC SEND. Measured in the simulation the way ib_send_lat measures: half the ping-pong round trip.
 */
class R1SendLatencyTest {
  private static final String PROFILE = "connectx4-edr-gen3x16";
  private static final double WIRE_PS_PER_BYTE = 8e12 / 100e9;

  static double oneWayPs(HardwareProfile profile, long bytes) {
    BackToBackTestbed testbed = new BackToBackTestbed(profile, 1);
    BackToBackTestbed.ConnectedPair pair = testbed.connectPair(128, 512);
    boolean inline = bytes <= profile.adapter().maxInlineBytes();
    HistogramSummary oneWay =
        new PingPongLatency(testbed, pair, bytes, inline, 20, 200, testbed.stats())
            .run()
            .summarize();
    return oneWay.p50Ps();
  }

  @Test
  void aSmallInlineSendTakes0_82MicrosecondsOneWayWithinTenPercent() {
    double oneWayPs = oneWayPs(CalibrationProfiles.named(PROFILE), 32);
    assertEquals(820_000, oneWayPs, 82_000, "R1: 0.82 us one-way");
  }

  @Test
  void belowFourKibLatencyRisesFasterThanWireSerialisationAloneBecauseEachStageStoresAndForwards() {
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    double at1k = oneWayPs(profile, 1024);
    double at4k = oneWayPs(profile, 4096);
    double slopePsPerByte = (at4k - at1k) / (4096 - 1024);
    assertTrue(
        slopePsPerByte > 2 * WIRE_PS_PER_BYTE,
        "slope " + slopePsPerByte + " ps/B, wire " + WIRE_PS_PER_BYTE + " ps/B");
  }

  @Test
  void aboveFourKibLatencyGrowsAtAboutTheLineRateBecauseTheStagesPipeline() {
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    double at16k = oneWayPs(profile, 16 * 1024);
    double at256k = oneWayPs(profile, 256 * 1024);
    double slopePsPerByte = (at256k - at16k) / (256 * 1024 - 16 * 1024);
    // Line rate plus the per-packet headers: 4096 + 26 bytes on the wire per 4096 of payload.
    double lineRatePsPerByte = WIRE_PS_PER_BYTE * (4096 + 26) / 4096.0;
    assertEquals(lineRatePsPerByte, slopePsPerByte, lineRatePsPerByte * 0.10);
  }
}
