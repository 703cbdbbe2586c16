package org.rnicsim.model.fabric;

import org.rnicsim.model.profile.PortProfile;

/**
 * How a switch's output buffer is shared out under PFC so that the fabric stays lossless: every
 * ingress port may hold its XOFF, one frame that crossed it, and its {@linkplain
 * SwitchConfig#pfcHeadroomBytes headroom}. Both the switch's XOFF and the question "is this buffer
 * big enough for that many ports" come from here, so they cannot disagree.
 *
 * @param maxFrameBytes the largest frame on the wire: MTU, per-packet header and the largest
 *     extended transport headers
 * @param headroomBytes bytes that may still arrive on an ingress port after it crossed XOFF
 */
public record PfcBudget(long maxFrameBytes, long headroomBytes) {

  public PfcBudget {
    if (maxFrameBytes <= 0 || headroomBytes < 0) {
      throw new IllegalArgumentException(
          "bad PFC budget: frame " + maxFrameBytes + " B, headroom " + headroomBytes + " B");
    }
  }

  /**
   * The budget of a switch whose ports are like the adapters' port: same rate, same MAC and PHY
   * latencies (two of each on the PAUSE's round trip), the profile's cable to each machine.
   * Assumption: the switch's interfaces are no slower than the adapters'.
   */
  public static PfcBudget forAdapterPorts(PortProfile port) {
    return forLink(port, port.rateBitsPerSecond(), port.propagationDelayPs());
  }

  /**
   * The budget of a switch port on a link of {@code rateBitsPerSecond} over a cable of {@code
   * cableDelayPs} (a leaf's uplink to a spine), whose interfaces have the MAC and PHY latencies of
   * the adapters' port; the same assumption as {@link #forAdapterPorts}.
   */
  public static PfcBudget forLink(PortProfile port, long rateBitsPerSecond, long cableDelayPs) {
    long maxFrameBytes =
        port.mtuBytes() + port.packetHeaderBytes() + PacketOpcode.MAX_EXTENDED_HEADER_BYTES;
    long interfaceDelaysPs = 2 * (port.txLatencyPs() + port.rxLatencyPs());
    long headroomBytes =
        SwitchConfig.pfcHeadroomBytes(
            rateBitsPerSecond, cableDelayPs, interfaceDelaysPs, maxFrameBytes);
    return new PfcBudget(maxFrameBytes, headroomBytes);
  }

  /** XOFF for {@code ingressPorts} sharing {@code outputBufferBytes}; see {@link #isLossless}. */
  public long xoffBytes(long outputBufferBytes, int ingressPorts) {
    return SwitchConfig.losslessXoffBytes(
        outputBufferBytes, ingressPorts, headroomBytes, maxFrameBytes);
  }

  /**
   * The least share of the output buffer one ingress port needs: XOFF of at least one maximum frame
   * (the floor {@link SwitchConfig#losslessXoffBytes} keeps), the frame that crosses it, and the
   * headroom.
   */
  public long shareBytes() {
    return headroomBytes + 2 * maxFrameBytes;
  }

  /**
   * Whether all {@code ingressPorts} sending to one output cannot overflow it: XOFF for them is not
   * held up at its one-frame floor.
   */
  public boolean isLossless(long outputBufferBytes, int ingressPorts) {
    return ingressPorts <= losslessPorts(outputBufferBytes);
  }

  /** The most ingress ports {@code outputBufferBytes} keeps lossless under a full incast. */
  public int losslessPorts(long outputBufferBytes) {
    return (int) Math.min(Integer.MAX_VALUE, outputBufferBytes / shareBytes());
  }

  /** The least output buffer that keeps {@code ingressPorts} lossless. */
  public long minimumBufferBytes(int ingressPorts) {
    return Math.multiplyExact(shareBytes(), ingressPorts);
  }
}
