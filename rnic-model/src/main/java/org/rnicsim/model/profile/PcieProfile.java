package org.rnicsim.model.profile;

import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.pcie.PcieLinkConfig;
import org.rnicsim.model.pcie.PostedWriteCredits;

/**
 * The adapter's PCIe link (calibration P1, P2) and the host's read completer (P4).
 *
 * @param generation signalling rate and encoding
 * @param lanes link width
 * @param maxPayloadBytes MPS
 * @param maxReadRequestBytes MRRS
 * @param readCompletionBoundaryBytes RCB of the root port
 * @param ecrc whether every TLP carries an ECRC
 * @param readCompleterLatencyPs everything but serialisation in a 64 B read (P4 fit)
 * @param readCompleterLatencyPsPerByte growth of that part per byte above 64 B (P4 fit)
 * @param flightLatencyPs one-way latency of a TLP after serialisation; part of the completer
 *     latency above for reads, so it must not exceed half of it
 * @param postedHeaderCredits posted header credits the root port advertises: one per write TLP
 * @param postedDataCredits posted data credits the root port advertises: one per 16 payload bytes;
 *     at least one maximum-size TLP's worth, as the PCIe specification asks of a receiver
 * @param hostWriteRateBitsPerSecond the rate at which the root complex drains posted writes into
 *     memory; the credits come back only after that (see {@link PostedWriteCredits})
 */
public record PcieProfile(
    PcieGeneration generation,
    int lanes,
    long maxPayloadBytes,
    long maxReadRequestBytes,
    long readCompletionBoundaryBytes,
    boolean ecrc,
    long readCompleterLatencyPs,
    long readCompleterLatencyPsPerByte,
    long flightLatencyPs,
    int postedHeaderCredits,
    int postedDataCredits,
    long hostWriteRateBitsPerSecond) {
  public PcieProfile {
    ProfileChecks.present("pcie.generation", generation);
    ProfileChecks.nonNegative("pcie.flightLatencyPs", flightLatencyPs);
    linkConfig(
        generation,
        lanes,
        maxPayloadBytes,
        maxReadRequestBytes,
        readCompletionBoundaryBytes,
        ecrc,
        readCompleterLatencyPs,
        readCompleterLatencyPsPerByte);
    if (2 * flightLatencyPs > readCompleterLatencyPs) {
      throw new IllegalArgumentException(
          "pcie.flightLatencyPs twice is more than pcie.readCompleterLatencyPs");
    }
    ProfileChecks.positive("pcie.postedHeaderCredits", postedHeaderCredits);
    ProfileChecks.positive("pcie.hostWriteRateBitsPerSecond", hostWriteRateBitsPerSecond);
    if ((long) postedDataCredits * PostedWriteCredits.DATA_CREDIT_BYTES < maxPayloadBytes) {
      throw new IllegalArgumentException(
          "pcie.postedDataCredits must cover one maxPayload TLP: at least "
              + maxPayloadBytes / PostedWriteCredits.DATA_CREDIT_BYTES);
    }
  }

  /** The same link in a host that drains posted writes into memory at another rate. */
  public PcieProfile withHostWriteRateBitsPerSecond(long newHostWriteRateBitsPerSecond) {
    return new PcieProfile(
        generation,
        lanes,
        maxPayloadBytes,
        maxReadRequestBytes,
        readCompletionBoundaryBytes,
        ecrc,
        readCompleterLatencyPs,
        readCompleterLatencyPsPerByte,
        flightLatencyPs,
        postedHeaderCredits,
        postedDataCredits,
        newHostWriteRateBitsPerSecond);
  }

  /** The posted-write flow control of this link, fresh for one adapter. */
  public PostedWriteCredits postedWriteCredits() {
    return new PostedWriteCredits(
        postedHeaderCredits, postedDataCredits, hostWriteRateBitsPerSecond, flightLatencyPs);
  }

  /** The link as the PCIe arithmetic takes it. */
  public PcieLinkConfig linkConfig() {
    return linkConfig(
        generation,
        lanes,
        maxPayloadBytes,
        maxReadRequestBytes,
        readCompletionBoundaryBytes,
        ecrc,
        readCompleterLatencyPs,
        readCompleterLatencyPsPerByte);
  }

  private static PcieLinkConfig linkConfig(
      PcieGeneration generation,
      int lanes,
      long mps,
      long mrrs,
      long rcb,
      boolean ecrc,
      long completerPs,
      long completerPsPerByte) {
    return new PcieLinkConfig(
        generation,
        lanes,
        Math.toIntExact(mps),
        Math.toIntExact(mrrs),
        Math.toIntExact(rcb),
        ecrc,
        completerPs,
        completerPsPerByte);
  }
}
