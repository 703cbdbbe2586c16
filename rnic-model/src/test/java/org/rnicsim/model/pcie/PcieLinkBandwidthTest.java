package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcieLinkBandwidthTest {

  /** Calibration P1 quotes its checks to three decimals of Gb/s. */
  private static final double P1_ROUNDING_BITS_PER_SECOND = 0.0005e9;

  private static PcieLinkBandwidth gen3x8(int mps) {
    return new PcieLinkBandwidth(PcieLinkConfig.calibrationP3().withMaxPayloadBytes(mps));
  }

  @Test
  void gen3x8RawRateIs63_015GbpsAsCalibrationP1States() {
    assertEquals(63.015e9, gen3x8(256).rawBitsPerSecond(), P1_ROUNDING_BITS_PER_SECOND);
  }

  @Test
  void gen3x8TlpBandwidthWithMps256Is57_885Gbps() {
    assertEquals(57.885e9, gen3x8(256).tlpBandwidthBitsPerSecond(), P1_ROUNDING_BITS_PER_SECOND);
  }

  @Test
  void gen3x8TlpBandwidthWithMps128Is56_666Gbps() {
    assertEquals(56.666e9, gen3x8(128).tlpBandwidthBitsPerSecond(), P1_ROUNDING_BITS_PER_SECOND);
  }

  /** Raw = GT/s x encoding x lanes, with the GT/s and encodings listed in calibration P1. */
  @ParameterizedTest(name = "{0} x{1}")
  @CsvSource({
    "GEN1, 1, 2.0",
    "GEN2, 4, 16.0",
    "GEN3, 16, 126.03077",
    "GEN4, 8, 126.03077",
    "GEN5, 16, 504.12308",
  })
  void rawRateIsTransferRateTimesEncodingTimesLanes(
      PcieGeneration generation, int lanes, double expectedGigabitsPerSecond) {
    PcieLinkConfig config = new PcieLinkConfig(generation, lanes, 256, 512, 64, false, 0, 0);
    // the expected values are written to five decimals of Gb/s
    assertEquals(
        expectedGigabitsPerSecond * 1e9, new PcieLinkBandwidth(config).rawBitsPerSecond(), 5e3);
  }

  /**
   * Every Gen3-5 AckLim/FcLim entry of calibration P1, checked through the P1 formula, so a typo in
   * the table shows up here.
   */
  @ParameterizedTest(name = "x{0} MPS {1}: AckLim {2}")
  @CsvSource({
    "4, 128, 169",
    "4, 256, 214",
    "4, 512, 250",
    "4, 1024, 378",
    "4, 2048, 634",
    "4, 4096, 1146",
    "8, 128, 163",
    "8, 256, 203",
    "8, 512, 182",
    "8, 1024, 246",
    "8, 2048, 374",
    "8, 4096, 630",
    "16, 128, 144",
    "16, 256, 168",
    "16, 512, 182",
    "16, 1024, 246",
    "16, 2048, 374",
    "16, 4096, 630",
  })
  void tlpBandwidthFollowsCalibrationP1ForEveryListedWidthAndMps(
      int lanes, int mps, int publishedLimitBytes) {
    for (PcieGeneration generation :
        new PcieGeneration[] {PcieGeneration.GEN3, PcieGeneration.GEN4, PcieGeneration.GEN5}) {
      PcieLinkBandwidth bandwidth =
          new PcieLinkBandwidth(new PcieLinkConfig(generation, lanes, mps, 512, 64, false, 0, 0));
      double raw = generation.gigatransfersPerSecond() * 1e9 * 128 / 130 * lanes;
      double expected =
          raw * (1 - (8.0 / publishedLimitBytes + 8.0 / publishedLimitBytes + 4.0 / 1538));
      assertEquals(expected, bandwidth.tlpBandwidthBitsPerSecond(), expected * 1e-12);
      assertEquals(publishedLimitBytes, bandwidth.ackLimitBytes());
      assertEquals(publishedLimitBytes, bandwidth.flowControlLimitBytes());
    }
  }

  /** Assumption (x1/x2 limits): a narrow link sends DLLPs less often per byte than x4. */
  @Test
  void narrowLinksAreSupportedAndSpendLessOnDllpsThanX4() {
    double x4 = overheadFraction(4);
    double x2 = overheadFraction(2);
    double x1 = overheadFraction(1);
    assertTrue(x2 < x4, "x2 overhead " + x2 + " should be below x4 overhead " + x4);
    assertTrue(x1 < x2, "x1 overhead " + x1 + " should be below x2 overhead " + x2);
  }

  private static double overheadFraction(int lanes) {
    return new PcieLinkBandwidth(
            new PcieLinkConfig(PcieGeneration.GEN3, lanes, 256, 512, 64, false, 0, 0))
        .dllpAndSkipOverheadFraction();
  }

  @Test
  void serialisingOneByteRoundsUpToTheNextPicosecond() {
    // 8 bits at 57.885 Gb/s = 138.2 ps: the byte is not sent until 139 ps.
    assertEquals(139, gen3x8(256).serialisationPs(1));
  }

  @Test
  void serialisingNothingTakesNoTime() {
    assertEquals(0, gen3x8(256).serialisationPs(0));
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({"88", "4096", "1000000", "1099511627776", "1125899906842624"})
  void serialisationTimeIsWireBitsOverTlpBandwidthWithoutOverflow(long wireBytes) {
    double expectedPs = wireBytes * 8 / 57.885e9 * 1e12;
    long actualPs = gen3x8(256).serialisationPs(wireBytes);
    // the published 57.885 carries 1e-5 relative rounding; rounding up adds under 1 ps
    assertEquals(expectedPs, actualPs, expectedPs * 1e-5 + 1);
  }

  @Test
  void serialisationOfSplitTransfersNeverBeatsTheWholeTransfer() {
    PcieLinkBandwidth bandwidth = gen3x8(256);
    for (long bytes = 1; bytes < 2000; bytes += 7) {
      long whole = bandwidth.serialisationPs(2 * bytes + 1);
      long split = bandwidth.serialisationPs(bytes) + bandwidth.serialisationPs(bytes + 1);
      assertTrue(split >= whole && split <= whole + 1, "split " + split + " whole " + whole);
    }
  }

  @Test
  void longAndArbitraryPrecisionPathsAgreeAtTheOverflowBoundary() {
    // 2^31 bytes stays in 64-bit arithmetic on this link; 2^32 bytes overflows it and falls back
    PcieLinkBandwidth bandwidth = gen3x8(256);
    long half = bandwidth.serialisationPs(1L << 31);
    long whole = bandwidth.serialisationPs(1L << 32);
    assertTrue(2 * half >= whole && 2 * half <= whole + 1, "half " + half + " whole " + whole);
  }

  @Test
  void negativeWireBytesAreRejectedWithTheValue() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> gen3x8(256).serialisationPs(-5));
    assertTrue(error.getMessage().contains("-5"), error.getMessage());
  }
}
