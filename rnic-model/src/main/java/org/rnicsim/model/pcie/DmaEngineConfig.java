package org.rnicsim.model.pcie;

/**
 * The adapter's DMA engine as a minimum gap between two DMA issues, per kind (calibration P5):
 * below about 256 B the engine, not the link, limits throughput.
 *
 * @param writeIssueGapPs minimum time between two DMA writes leaving the engine
 * @param readIssueGapPs minimum time between two DMA reads leaving the engine
 */
public record DmaEngineConfig(long writeIssueGapPs, long readIssueGapPs) {

  private static final double PICOSECONDS_PER_SECOND = 1e12;

  /** Calibration P5: small writes were flat at about 47.5 million DMAs per second. */
  public static final double P5_WRITES_PER_SECOND = 47.5e6;

  /** Calibration P5: small reads were flat at about 62.5 million DMAs per second. */
  public static final double P5_READS_PER_SECOND = 62.5e6;

  public DmaEngineConfig {
    if (writeIssueGapPs <= 0) {
      throw new IllegalArgumentException(
          "DMA write issue gap must be > 0 ps but was " + writeIssueGapPs);
    }
    if (readIssueGapPs <= 0) {
      throw new IllegalArgumentException(
          "DMA read issue gap must be > 0 ps but was " + readIssueGapPs);
    }
  }

  /** The engine of calibration P5 (NFP6000): 47.5 M writes and 62.5 M reads per second. */
  public static DmaEngineConfig calibrationP5() {
    return fromIssueRates(P5_WRITES_PER_SECOND, P5_READS_PER_SECOND);
  }

  /** An engine that issues at most these many DMAs per second, gaps rounded to the nearest ps. */
  public static DmaEngineConfig fromIssueRates(double writesPerSecond, double readsPerSecond) {
    return new DmaEngineConfig(gapPs("write", writesPerSecond), gapPs("read", readsPerSecond));
  }

  public double writesPerSecond() {
    return PICOSECONDS_PER_SECOND / writeIssueGapPs;
  }

  public double readsPerSecond() {
    return PICOSECONDS_PER_SECOND / readIssueGapPs;
  }

  /** Data rate if every write of {@code payloadBytes} leaves the engine as soon as it may. */
  public double writeIssueLimitedBitsPerSecond(long payloadBytes) {
    return payloadBytes * 8.0 * writesPerSecond();
  }

  /** Data rate if every read of {@code payloadBytes} leaves the engine as soon as it may. */
  public double readIssueLimitedBitsPerSecond(long payloadBytes) {
    return payloadBytes * 8.0 * readsPerSecond();
  }

  private static long gapPs(String kind, double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "DMA "
              + kind
              + " issue rate must be a positive finite number per second but was "
              + perSecond);
    }
    long gapPs = Math.round(PICOSECONDS_PER_SECOND / perSecond);
    if (gapPs <= 0) {
      throw new IllegalArgumentException(
          "DMA " + kind + " issue rate " + perSecond + " per second is above one per picosecond");
    }
    return gapPs;
  }
}
