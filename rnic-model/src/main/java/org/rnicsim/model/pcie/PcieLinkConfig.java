package org.rnicsim.model.pcie;

import java.util.Objects;

/**
 * One PCIe link between the adapter and its root port, with the settings that decide how DMAs are
 * cut into TLPs and how long a non-posted read takes.
 *
 * @param generation signalling rate and encoding
 * @param lanes link width: 1, 2, 4, 8 or 16
 * @param maxPayloadBytes MPS: largest data payload of one write or completion TLP, 128 to 4096
 * @param maxReadRequestBytes MRRS: largest read one request TLP may ask for, 128 to 4096
 * @param readCompletionBoundaryBytes RCB of the completer: 64 or 128, the only values a root port
 *     may advertise
 * @param ecrcEnabled whether every TLP carries a 4-byte ECRC digest (calibration P2)
 * @param readCompleterLatencyAt64BytesPs the root complex and memory part of a 64 B DMA read:
 *     everything but the link serialisation, an assumption fitted to calibration P4 (see {@link
 *     DmaReadLatencyModel})
 * @param readCompleterLatencyPsPerByte how much the root complex and memory part grows per byte
 *     above 64 B, an assumption fitted to calibration P4
 */
public record PcieLinkConfig(
    PcieGeneration generation,
    int lanes,
    int maxPayloadBytes,
    int maxReadRequestBytes,
    int readCompletionBoundaryBytes,
    boolean ecrcEnabled,
    long readCompleterLatencyAt64BytesPs,
    long readCompleterLatencyPsPerByte) {

  /**
   * Fitted to calibration P4 on the P3 link: with the link part that {@link DmaReadLatencyModel}
   * computes (about 15 ns at 64 B, growing about 0.149 ns per byte), these reproduce 546 ns at 64 B
   * and about 0.29 ns per byte to 2 KiB.
   */
  public static final long P4_COMPLETER_LATENCY_AT_64_BYTES_PS = 531_000L;

  /** Fitted to calibration P4; see {@link #P4_COMPLETER_LATENCY_AT_64_BYTES_PS}. */
  public static final long P4_COMPLETER_LATENCY_PS_PER_BYTE = 142L;

  public PcieLinkConfig {
    Objects.requireNonNull(generation, "generation must not be null");
    if (lanes != 1 && lanes != 2 && lanes != 4 && lanes != 8 && lanes != 16) {
      throw new IllegalArgumentException("lanes must be one of 1, 2, 4, 8, 16 but was " + lanes);
    }
    requirePowerOfTwoIn("MPS", maxPayloadBytes, 128, 4096);
    requirePowerOfTwoIn("MRRS", maxReadRequestBytes, 128, 4096);
    requirePowerOfTwoIn("RCB", readCompletionBoundaryBytes, 64, 128);
    if (readCompleterLatencyAt64BytesPs < 0) {
      throw new IllegalArgumentException(
          "read completer latency at 64 B must be >= 0 ps but was "
              + readCompleterLatencyAt64BytesPs);
    }
    if (readCompleterLatencyPsPerByte < 0) {
      throw new IllegalArgumentException(
          "read completer latency per byte must be >= 0 ps but was "
              + readCompleterLatencyPsPerByte);
    }
  }

  /**
   * The link of calibration P3 (Gen3 x8, MPS 256, MRRS 512, RCB 64, no ECRC) with the read latency
   * fitted to P4 (NFP6000 in a Xeon E5-2620 v3).
   */
  public static PcieLinkConfig calibrationP3() {
    return new PcieLinkConfig(
        PcieGeneration.GEN3,
        8,
        256,
        512,
        64,
        false,
        P4_COMPLETER_LATENCY_AT_64_BYTES_PS,
        P4_COMPLETER_LATENCY_PS_PER_BYTE);
  }

  /** The same link with another MPS, e.g. to compare MPS 128 and 256 (calibration P1). */
  public PcieLinkConfig withMaxPayloadBytes(int newMaxPayloadBytes) {
    return new PcieLinkConfig(
        generation,
        lanes,
        newMaxPayloadBytes,
        maxReadRequestBytes,
        readCompletionBoundaryBytes,
        ecrcEnabled,
        readCompleterLatencyAt64BytesPs,
        readCompleterLatencyPsPerByte);
  }

  /** The same link with ECRC switched on or off. */
  public PcieLinkConfig withEcrc(boolean newEcrcEnabled) {
    return new PcieLinkConfig(
        generation,
        lanes,
        maxPayloadBytes,
        maxReadRequestBytes,
        readCompletionBoundaryBytes,
        newEcrcEnabled,
        readCompleterLatencyAt64BytesPs,
        readCompleterLatencyPsPerByte);
  }

  private static void requirePowerOfTwoIn(String name, int bytes, int minBytes, int maxBytes) {
    if (bytes < minBytes || bytes > maxBytes || Integer.bitCount(bytes) != 1) {
      throw new IllegalArgumentException(
          name
              + " must be a power of two from "
              + minBytes
              + " to "
              + maxBytes
              + " bytes but was "
              + bytes);
    }
  }
}
