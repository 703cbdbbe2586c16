package org.rnicsim.model.pcie;

import java.util.ArrayList;
import java.util.List;

/** Produces the rows of the calibration P3 table so a command or a bench can print them. */
public final class PcieCalibrationTable {

  /** The transfer sizes of the P3 table, in bytes. */
  public static final List<Integer> P3_PAYLOAD_SIZES_BYTES =
      List.of(64, 128, 256, 512, 1024, 2048, 4096);

  /**
   * One row: link-limited DMA throughput for one transfer size.
   *
   * @param payloadBytes transfer size
   * @param dmaWriteGigabitsPerSecond payload rate of back-to-back DMA writes
   * @param dmaReadGigabitsPerSecond payload rate of back-to-back DMA reads
   */
  public record Row(
      int payloadBytes, double dmaWriteGigabitsPerSecond, double dmaReadGigabitsPerSecond) {}

  private PcieCalibrationTable() {}

  /** The P3 table as this model computes it, on the P3 link (Gen3 x8, MPS 256, MRRS 512). */
  public static List<Row> p3Rows() {
    return rows(PcieLinkConfig.calibrationP3(), P3_PAYLOAD_SIZES_BYTES);
  }

  /** The same table for any link and any sizes. */
  public static List<Row> rows(PcieLinkConfig config, List<Integer> payloadSizesBytes) {
    PcieThroughputModel throughput = new PcieThroughputModel(config);
    List<Row> rows = new ArrayList<>(payloadSizesBytes.size());
    for (int payloadBytes : payloadSizesBytes) {
      rows.add(
          new Row(
              payloadBytes,
              throughput.dmaWriteBitsPerSecond(payloadBytes) / 1e9,
              throughput.dmaReadBitsPerSecond(payloadBytes) / 1e9));
    }
    return List.copyOf(rows);
  }
}
