package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calibration P3: Gen3 x8, MPS 256, MRRS 512, RCB 64, tolerance 0.5 %. */
class PcieThroughputModelTest {

  private static final double P3_TOLERANCE = 0.005;

  private final PcieThroughputModel model = new PcieThroughputModel(PcieLinkConfig.calibrationP3());

  @ParameterizedTest(name = "{0} B write: {1} Gb/s")
  @CsvSource({
    "64, 42.10",
    "128, 48.75",
    "256, 52.92",
    "512, 52.92",
    "1024, 52.92",
    "2048, 52.92",
    "4096, 52.92"
  })
  void dmaWriteThroughputMatchesP3TableWithinHalfPercent(long bytes, double gigabitsPerSecond) {
    assertWithinP3Tolerance(gigabitsPerSecond, model.dmaWriteBitsPerSecond(bytes) / 1e9);
  }

  @ParameterizedTest(name = "{0} B read: {1} Gb/s")
  @CsvSource({
    "64, 44.10",
    "128, 50.06",
    "256, 53.69",
    "512, 53.69",
    "1024, 53.69",
    "2048, 53.69",
    "4096, 53.69"
  })
  void dmaReadThroughputMatchesP3TableWithinHalfPercent(long bytes, double gigabitsPerSecond) {
    assertWithinP3Tolerance(gigabitsPerSecond, model.dmaReadBitsPerSecond(bytes) / 1e9);
  }

  @Test
  void calibrationTableRowsReproduceP3InOrder() {
    double[] writes = {42.10, 48.75, 52.92, 52.92, 52.92, 52.92, 52.92};
    double[] reads = {44.10, 50.06, 53.69, 53.69, 53.69, 53.69, 53.69};
    List<PcieCalibrationTable.Row> rows = PcieCalibrationTable.p3Rows();
    assertEquals(List.of(64, 128, 256, 512, 1024, 2048, 4096), sizes(rows));
    for (int i = 0; i < rows.size(); i++) {
      assertWithinP3Tolerance(writes[i], rows.get(i).dmaWriteGigabitsPerSecond());
      assertWithinP3Tolerance(reads[i], rows.get(i).dmaReadGigabitsPerSecond());
    }
  }

  @Test
  void oneByteReadsAreLimitedByTheRequestDirection() {
    // P2 "unless the request direction is the bottleneck": 24 B of request per byte of data
    // upstream outweighs 21 B of completion downstream, so the rate is 57.885 Gb/s x 1/24.
    assertTrue(model.readRequestDirectionIsBottleneck(1));
    assertEquals(57.885e9 / 24, model.dmaReadBitsPerSecond(1), 57.885e9 / 24 * 1e-4);
    assertFalse(model.readRequestDirectionIsBottleneck(64));
  }

  @Test
  void unalignedSizesLoseAWholeTlpOfOverhead() {
    // 257 B needs two TLPs: 57.885 x 257 / (257 + 48)
    assertEquals(57.885e9 * 257 / 305, model.dmaWriteBitsPerSecond(257), 57.885e9 * 1e-4);
  }

  private static List<Integer> sizes(List<PcieCalibrationTable.Row> rows) {
    return rows.stream().map(PcieCalibrationTable.Row::payloadBytes).toList();
  }

  private static void assertWithinP3Tolerance(double published, double modelled) {
    assertEquals(published, modelled, published * P3_TOLERANCE);
  }
}
