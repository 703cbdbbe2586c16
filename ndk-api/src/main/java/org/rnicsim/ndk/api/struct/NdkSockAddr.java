package org.rnicsim.ndk.api.struct;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SOCKADDR (AF_INET or AF_INET6) as NDKPI uses it: an IP address of the adapter plus a
 * NetworkDirect port (ndkpi-spec 2, shared endpoint; 4, Listen and Connect). ND ports are their own
 * space, separate from TCP and UDP. The C address length argument is implied by the family.
 *
 * @param ipAddress the IPv4 or IPv6 address
 * @param port the ND port, 0..65535; 0 asks the provider for an ephemeral port
 */
public record NdkSockAddr(InetAddress ipAddress, int port) {

  /** First ephemeral ND port handed out for port 0 (ndkpi-spec 2). */
  public static final int EPHEMERAL_PORT_FIRST = 49152;

  /** Last ephemeral ND port; past it, port 0 fails with STATUS_TOO_MANY_ADDRESSES. */
  public static final int EPHEMERAL_PORT_LAST = 65535;

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Checks the address is present and the port fits 16 bits. */
  public NdkSockAddr {
    Objects.requireNonNull(ipAddress, "ipAddress");
    Ulong.requireUshort("ND port", port);
  }

  /**
   * The address for an IP literal ("10.0.0.1", "fe80::1"); never resolves a host name, so no lookup
   * can make a run depend on the machine it runs on.
   *
   * @throws IllegalArgumentException if {@code ipLiteral} is not an IPv4 or IPv6 literal
   */
  public static NdkSockAddr of(String ipLiteral, int port) {
    Objects.requireNonNull(ipLiteral, "ipLiteral");
    try {
      if (IPV4_LITERAL.matcher(ipLiteral).matches()) {
        // Parsed here: InetAddress.getByName would resolve "999.1.1.1" as a host name.
        String[] parts = ipLiteral.split("\\.");
        byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            throw new IllegalArgumentException("not an IPv4 literal: '" + ipLiteral + "'");
          }
          octets[i] = (byte) octet;
        }
        return new NdkSockAddr(InetAddress.getByAddress(octets), port);
      }
      if (ipLiteral.contains(":")) {
        // The JDK parses any name containing ':' as an IPv6 literal, without a lookup.
        return new NdkSockAddr(InetAddress.getByName(ipLiteral), port);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: '" + ipLiteral + "'", e);
    }
    throw new IllegalArgumentException("not an IP literal: '" + ipLiteral + "'");
  }

  /** True if the port is 0, i.e. the provider must pick an ephemeral one. */
  public boolean isWildcardPort() {
    return port == 0;
  }

  /** True if the port lies in the ephemeral range 49152-65535. */
  public boolean isEphemeralPort() {
    return port >= EPHEMERAL_PORT_FIRST && port <= EPHEMERAL_PORT_LAST;
  }

  /** The same address with another port. */
  public NdkSockAddr withPort(int newPort) {
    return new NdkSockAddr(ipAddress, newPort);
  }

  @Override
  public String toString() {
    String ip = ipAddress.getHostAddress();
    return ipAddress instanceof Inet6Address ? "[" + ip + "]:" + port : ip + ":" + port;
  }
}
