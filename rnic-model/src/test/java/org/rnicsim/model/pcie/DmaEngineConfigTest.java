package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Calibration P5 on the P3 link. */
class DmaEngineConfigTest {

  private final PcieThroughputModel link = new PcieThroughputModel(PcieLinkConfig.calibrationP3());
  private final DmaEngineConfig engine = DmaEngineConfig.calibrationP5();

  @Test
  void calibrationEngineIssuesAt47_5MillionWritesAnd62_5MillionReadsPerSecond() {
    assertEquals(47.5e6, engine.writesPerSecond(), 47.5e6 * 1e-4);
    assertEquals(62.5e6, engine.readsPerSecond(), 62.5e6 * 1e-4);
    assertEquals(16_000, engine.readIssueGapPs());
  }

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {16, 32, 64})
  void issueRateLimitsSmallDmasBelow256Bytes(long bytes) {
    double write = link.achievableDmaWriteBitsPerSecond(bytes, engine);
    double read = link.achievableDmaReadBitsPerSecond(bytes, engine);
    assertEquals(bytes * 8 * 47.5e6, write, write * 1e-4);
    assertEquals(bytes * 8 * 62.5e6, read, read * 1e-4);
    assertTrue(write < link.dmaWriteBitsPerSecond(bytes));
    assertTrue(read < link.dmaReadBitsPerSecond(bytes));
  }

  @ParameterizedTest(name = "{0} B: write {1}, read {2} Gb/s")
  @CsvSource({"1024, 52.92, 53.69", "2048, 52.92, 53.69", "4096, 52.92, 53.69"})
  void linkNotIssueRateLimitsDmasOfOneKibAndMore(
      long bytes, double p3WriteGigabitsPerSecond, double p3ReadGigabitsPerSecond) {
    assertEquals(
        p3WriteGigabitsPerSecond,
        link.achievableDmaWriteBitsPerSecond(bytes, engine) / 1e9,
        p3WriteGigabitsPerSecond * 0.005);
    assertEquals(
        p3ReadGigabitsPerSecond,
        link.achievableDmaReadBitsPerSecond(bytes, engine) / 1e9,
        p3ReadGigabitsPerSecond * 0.005);
  }

  @Test
  void nonPositiveIssueRatesAndGapsAreRejectedWithTheValue() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new DmaEngineConfig(0, 16_000));
    assertTrue(error.getMessage().contains("was 0"), error.getMessage());
    error =
        assertThrows(
            IllegalArgumentException.class, () -> DmaEngineConfig.fromIssueRates(47.5e6, -1));
    assertTrue(error.getMessage().contains("-1"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> DmaEngineConfig.fromIssueRates(Double.NaN, 1e6));
  }
}
