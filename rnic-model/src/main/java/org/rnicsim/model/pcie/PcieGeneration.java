package org.rnicsim.model.pcie;

/**
 * PCIe generations with their signalling rate and line encoding (calibration P1).
 *
 * <p>The rate is kept as an exact count of transfers per second and the encoding as a fraction so
 * that link bandwidths can be computed as exact ratios; see {@link PcieLinkBandwidth}.
 */
public enum PcieGeneration {
  GEN1(2_500_000_000L, 8, 10),
  GEN2(5_000_000_000L, 8, 10),
  GEN3(8_000_000_000L, 128, 130),
  GEN4(16_000_000_000L, 128, 130),
  GEN5(32_000_000_000L, 128, 130);

  private final long transfersPerSecondPerLane;
  private final int encodingPayloadBits;
  private final int encodingSymbolBits;

  PcieGeneration(long transfersPerSecondPerLane, int encodingPayloadBits, int encodingSymbolBits) {
    this.transfersPerSecondPerLane = transfersPerSecondPerLane;
    this.encodingPayloadBits = encodingPayloadBits;
    this.encodingSymbolBits = encodingSymbolBits;
  }

  /** Signalling rate of one lane in transfers (bits on the wire) per second, e.g. 8e9 for Gen3. */
  public long transfersPerSecondPerLane() {
    return transfersPerSecondPerLane;
  }

  /** Signalling rate of one lane in GT/s, as datasheets quote it. */
  public double gigatransfersPerSecond() {
    return transfersPerSecondPerLane / 1e9;
  }

  /** Payload bits per encoded block: 8 for 8b/10b, 128 for 128b/130b. */
  public int encodingPayloadBits() {
    return encodingPayloadBits;
  }

  /** Bits on the wire per encoded block: 10 for 8b/10b, 130 for 128b/130b. */
  public int encodingSymbolBits() {
    return encodingSymbolBits;
  }

  /** Data bits per second of one lane after line encoding (calibration P1 "GT/s x encoding"). */
  public double rawBitsPerSecondPerLane() {
    return (double) transfersPerSecondPerLane * encodingPayloadBits / encodingSymbolBits;
  }
}
