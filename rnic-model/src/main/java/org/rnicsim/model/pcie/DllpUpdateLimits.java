package org.rnicsim.model.pcie;

/**
 * How many bytes of TLP traffic may pass between two ACK DLLPs (AckLim) and between two
 * flow-control update DLLPs (FcLim), by generation, lane count and MPS. Each such DLLP costs 8
 * bytes on the wire, which is why these numbers set the usable TLP bandwidth (calibration P1).
 *
 * <p>Gen3-5 x4, x8 and x16 are exactly the values of calibration P1. Assumption: calibration.md
 * gives nothing for x1, x2 or Gen1-2, so for those we use the recommended values of the PCIe Base
 * Specification (rev 5.0, the Ack and UpdateFC latency tables), the same source the calibration
 * values come from; in that source AckLim equals FcLim for every width up to x16, so one table
 * serves both. Narrow links get larger limits because a maximum-size TLP takes longer to send.
 */
public final class DllpUpdateLimits {

  /** MPS values in column order: 128, 256, 512, 1024, 2048, 4096 bytes. */
  private static final int MPS_COLUMNS = 6;

  /** Rows x1, x2, x4, x8, x16; assumption (PCIe Base Spec recommended values, Gen1). */
  private static final int[][] GEN1_LIMIT_BYTES = {
    {237, 416, 559, 1071, 2095, 4143},
    {128, 217, 289, 545, 1057, 2081},
    {73, 118, 154, 282, 538, 1050},
    {67, 107, 86, 150, 278, 534},
    {48, 72, 86, 150, 278, 534},
  };

  /** Rows x1, x2, x4, x8, x16; assumption (PCIe Base Spec recommended values, Gen2). */
  private static final int[][] GEN2_LIMIT_BYTES = {
    {288, 467, 610, 1122, 2146, 4194},
    {179, 268, 340, 596, 1108, 2132},
    {124, 169, 205, 333, 589, 1101},
    {118, 158, 137, 201, 329, 585},
    {99, 123, 137, 201, 329, 585},
  };

  /**
   * Rows x1, x2, x4, x8, x16. The x4, x8 and x16 rows are calibration P1; the x1 and x2 rows are
   * the assumption described on the class.
   */
  private static final int[][] GEN3_TO_GEN5_LIMIT_BYTES = {
    {333, 512, 655, 1167, 2191, 4239},
    {224, 313, 385, 641, 1153, 2177},
    {169, 214, 250, 378, 634, 1146},
    {163, 203, 182, 246, 374, 630},
    {144, 168, 182, 246, 374, 630},
  };

  private DllpUpdateLimits() {}

  /** AckLim in bytes: TLP bytes sent between two ACK DLLPs. */
  public static int ackLimitBytes(PcieGeneration generation, int lanes, int maxPayloadBytes) {
    return lookUp(generation, lanes, maxPayloadBytes);
  }

  /** FcLim in bytes: TLP bytes sent between two flow-control update DLLPs. */
  public static int flowControlLimitBytes(
      PcieGeneration generation, int lanes, int maxPayloadBytes) {
    return lookUp(generation, lanes, maxPayloadBytes);
  }

  private static int lookUp(PcieGeneration generation, int lanes, int maxPayloadBytes) {
    int[][] table =
        switch (generation) {
          case GEN1 -> GEN1_LIMIT_BYTES;
          case GEN2 -> GEN2_LIMIT_BYTES;
          case GEN3, GEN4, GEN5 -> GEN3_TO_GEN5_LIMIT_BYTES;
        };
    return table[laneRow(lanes)][mpsColumn(maxPayloadBytes)];
  }

  private static int laneRow(int lanes) {
    return switch (lanes) {
      case 1 -> 0;
      case 2 -> 1;
      case 4 -> 2;
      case 8 -> 3;
      case 16 -> 4;
      default ->
          throw new IllegalArgumentException(
              "lanes must be one of 1, 2, 4, 8, 16 but was " + lanes);
    };
  }

  private static int mpsColumn(int maxPayloadBytes) {
    int column = Integer.numberOfTrailingZeros(maxPayloadBytes) - 7;
    if (Integer.bitCount(maxPayloadBytes) != 1 || column < 0 || column >= MPS_COLUMNS) {
      throw new IllegalArgumentException(
          "MPS must be a power of two from 128 to 4096 bytes but was " + maxPayloadBytes);
    }
    return column;
  }
}
