package org.rnicsim.model.pcie;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The rates of one direction of a PCIe link (calibration P1) and the time it takes to serialise
 * wire bytes on it. Both directions of a link have the same rates.
 *
 * <p>The TLP bandwidth is an exact ratio of integers: GT/s, lanes, the encoding fraction, AckLim,
 * FcLim and the SKP interval are all whole numbers. Serialisation times are therefore computed
 * exactly and rounded up to the next picosecond, so a run never depends on floating-point rounding
 * and a transfer never finishes before its last bit has been sent.
 */
public final class PcieLinkBandwidth {

  /** Calibration P1: every ACK and every flow-control update DLLP costs 8 bytes on the wire. */
  static final int DLLP_WIRE_BYTES = 8;

  /** Calibration P1: a 4-symbol SKP ordered set is sent every 1538 symbols. */
  static final int SKP_ORDERED_SET_SYMBOLS = 4;

  static final int SKP_INTERVAL_SYMBOLS = 1538;

  private static final BigInteger PICOSECONDS_PER_SECOND = BigInteger.valueOf(1_000_000_000_000L);

  private final int ackLimitBytes;
  private final int flowControlLimitBytes;
  private final double rawBitsPerSecond;
  private final double tlpBandwidthBitsPerSecond;

  /**
   * Picoseconds per wire byte as the reduced fraction psPerByteNumerator / psPerByteDenominator.
   */
  private final BigInteger psPerByteNumerator;

  private final BigInteger psPerByteDenominator;

  /** The same fraction as longs when both fit, for the overflow-checked fast path; else -1. */
  private final long psPerByteNumeratorLong;

  private final long psPerByteDenominatorLong;

  public PcieLinkBandwidth(PcieLinkConfig config) {
    PcieGeneration generation = config.generation();
    ackLimitBytes =
        DllpUpdateLimits.ackLimitBytes(generation, config.lanes(), config.maxPayloadBytes());
    flowControlLimitBytes =
        DllpUpdateLimits.flowControlLimitBytes(
            generation, config.lanes(), config.maxPayloadBytes());

    // raw = T * lanes * encP / encS bits/s (calibration P1)
    BigInteger rawNumerator =
        BigInteger.valueOf(generation.transfersPerSecondPerLane())
            .multiply(BigInteger.valueOf((long) config.lanes() * generation.encodingPayloadBits()));
    BigInteger rawDenominator = BigInteger.valueOf(generation.encodingSymbolBits());

    // 1 - 8/A - 8/F - 4/1538 = (1538 A F - 8*1538 F - 8*1538 A - 4 A F) / (1538 A F)
    long a = ackLimitBytes;
    long f = flowControlLimitBytes;
    long keptNumerator =
        SKP_INTERVAL_SYMBOLS * a * f
            - DLLP_WIRE_BYTES * SKP_INTERVAL_SYMBOLS * f
            - DLLP_WIRE_BYTES * SKP_INTERVAL_SYMBOLS * a
            - SKP_ORDERED_SET_SYMBOLS * a * f;
    long keptDenominator = SKP_INTERVAL_SYMBOLS * a * f;

    BigInteger tlpNumerator = rawNumerator.multiply(BigInteger.valueOf(keptNumerator));
    BigInteger tlpDenominator = rawDenominator.multiply(BigInteger.valueOf(keptDenominator));

    rawBitsPerSecond = ratioAsDouble(rawNumerator, rawDenominator);
    tlpBandwidthBitsPerSecond = ratioAsDouble(tlpNumerator, tlpDenominator);

    // ps per byte = 8 bits * 1e12 ps/s / (tlpNumerator / tlpDenominator) bits/s
    BigInteger numerator =
        PICOSECONDS_PER_SECOND.multiply(BigInteger.valueOf(8)).multiply(tlpDenominator);
    BigInteger gcd = numerator.gcd(tlpNumerator);
    psPerByteNumerator = numerator.divide(gcd);
    psPerByteDenominator = tlpNumerator.divide(gcd);
    boolean fitsLong = psPerByteNumerator.bitLength() < 63 && psPerByteDenominator.bitLength() < 63;
    psPerByteNumeratorLong = fitsLong ? psPerByteNumerator.longValueExact() : -1;
    psPerByteDenominatorLong = fitsLong ? psPerByteDenominator.longValueExact() : -1;
  }

  /** Bits per second after line encoding, before DLLPs and SKPs (calibration P1 "raw"). */
  public double rawBitsPerSecond() {
    return rawBitsPerSecond;
  }

  /** Bits per second left for TLPs after ACK and flow-control DLLPs and SKP ordered sets. */
  public double tlpBandwidthBitsPerSecond() {
    return tlpBandwidthBitsPerSecond;
  }

  /** The fraction of the raw rate spent on DLLPs and SKPs: 8/AckLim + 8/FcLim + 4/1538. */
  public double dllpAndSkipOverheadFraction() {
    return 1.0 - tlpBandwidthBitsPerSecond / rawBitsPerSecond;
  }

  public int ackLimitBytes() {
    return ackLimitBytes;
  }

  public int flowControlLimitBytes() {
    return flowControlLimitBytes;
  }

  /**
   * Time to send {@code wireBytes} of TLPs on one direction at the TLP bandwidth, rounded up to the
   * next picosecond. Exact for any size: the product is checked for overflow and falls back to
   * arbitrary precision.
   *
   * @throws ArithmeticException if the time exceeds {@link Long#MAX_VALUE} ps (about 106 days)
   */
  public long serialisationPs(long wireBytes) {
    if (wireBytes < 0) {
      throw new IllegalArgumentException("wire bytes must be >= 0 but was " + wireBytes);
    }
    if (psPerByteNumeratorLong > 0) {
      long high = Math.multiplyHigh(wireBytes, psPerByteNumeratorLong);
      long low = wireBytes * psPerByteNumeratorLong;
      if (high == 0 && low >= 0) {
        return ceilDiv(low, psPerByteDenominatorLong);
      }
    }
    BigInteger[] quotientAndRemainder =
        BigInteger.valueOf(wireBytes)
            .multiply(psPerByteNumerator)
            .divideAndRemainder(psPerByteDenominator);
    BigInteger rounded =
        quotientAndRemainder[1].signum() == 0
            ? quotientAndRemainder[0]
            : quotientAndRemainder[0].add(BigInteger.ONE);
    return rounded.longValueExact();
  }

  private static long ceilDiv(long dividend, long divisor) {
    long quotient = dividend / divisor;
    return dividend % divisor == 0 ? quotient : quotient + 1;
  }

  private static double ratioAsDouble(BigInteger numerator, BigInteger denominator) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), MathContext.DECIMAL64)
        .doubleValue();
  }
}
