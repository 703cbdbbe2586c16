package org.rnicsim.model.profile;

/**
 * The adapter's network port and the cable to its peer.
 *
 * @param rateBitsPerSecond data rate after line coding
 * @param propagationDelayPs signal flight time on the cable
 * @param mtuBytes largest payload of one packet
 * @param packetHeaderBytes wire bytes every packet costs besides its payload and its extended
 *     transport headers (InfiniBand: LRH, BTH, ICRC, VCRC and framing; RoCEv2: Ethernet, IP, UDP,
 *     BTH, ICRC, FCS, preamble and gap)
 * @param txLatencyPs MAC and PHY latency from the end of serialisation to the cable
 * @param rxLatencyPs PHY and MAC latency from the cable to the receive pipeline
 * @param txQueuePackets packets the send scheduler may hand the port ahead of the wire
 */
public record PortProfile(
    long rateBitsPerSecond,
    long propagationDelayPs,
    long mtuBytes,
    long packetHeaderBytes,
    long txLatencyPs,
    long rxLatencyPs,
    int txQueuePackets) {
  public PortProfile {
    ProfileChecks.positive("port.rateBitsPerSecond", rateBitsPerSecond);
    ProfileChecks.nonNegative("port.propagationDelayPs", propagationDelayPs);
    ProfileChecks.powerOfTwo("port.mtuBytes", mtuBytes);
    if (mtuBytes < 256 || mtuBytes > 4096) {
      throw new IllegalArgumentException("port.mtuBytes must be 256 to 4096 but was " + mtuBytes);
    }
    ProfileChecks.nonNegative("port.packetHeaderBytes", packetHeaderBytes);
    ProfileChecks.nonNegative("port.txLatencyPs", txLatencyPs);
    ProfileChecks.nonNegative("port.rxLatencyPs", rxLatencyPs);
    ProfileChecks.positive("port.txQueuePackets", txQueuePackets);
  }

  /** Time to serialise {@code wireBytes} at the port rate, rounded up to the next picosecond. */
  public long serialisationPs(long wireBytes) {
    long numerator = Math.multiplyExact(Math.multiplyExact(wireBytes, 8L), 1_000_000_000_000L);
    return numerator / rateBitsPerSecond + (numerator % rateBitsPerSecond == 0 ? 0 : 1);
  }
}
