package org.rnicsim.model.fabric;

/**
 * Equal-cost multi-path: which of several equally good output ports a packet takes, by a hash of
 * its flow, so that all packets of one QP in one direction take one path and never overtake each
 * other (RC would read a reordered packet as a lost one), while distinct QPs spread over the paths.
 * A RoCEv2 switch hashes the UDP/IP five-tuple, whose UDP source port the adapter derives from the
 * QP; here the flow is (source address, destination address, destination QPN), which names a QP in
 * one direction just as well. The hash is fixed, so every run takes the same paths.
 */
public final class Ecmp {
  private Ecmp() {}

  /** The path, in [0, ways), of {@code packet}'s flow. */
  public static int path(Packet packet, int ways) {
    return path(packet.sourceAddress(), packet.destinationAddress(), packet.destinationQpn(), ways);
  }

  /** The path, in [0, ways), of the flow from {@code source} to QP {@code qpn} at {@code dest}. */
  public static int path(int sourceAddress, int destinationAddress, int destinationQpn, int ways) {
    long key = mix(sourceAddress * 0x9E3779B97F4A7C15L + destinationAddress) + destinationQpn;
    return (int) Long.remainderUnsigned(mix(key), ways);
  }

  /** The 64-bit finaliser of MurmurHash3: every input bit flips about half the output bits. */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
