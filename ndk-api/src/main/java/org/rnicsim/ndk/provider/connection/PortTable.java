package org.rnicsim.ndk.provider.connection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * The ND ports of one local address (ndkpi-spec 1 "Endpoint refcounts", invariant 29): a port is
 * held by a listener, a shared endpoint or a connector's private endpoint from its Listen, create
 * or Connect until that object is closed for good; a listener's and a shared endpoint's close
 * completes only after every connector using the port is closed, so the port stays busy until the
 * whole count is zero. Connections in use are also kept by 4-tuple (ADDRESS_ALREADY_EXISTS).
 */
final class PortTable {
  private final Map<Integer, Object> holders = new HashMap<>();
  private final Set<String> connections = new HashSet<>();
  private int nextEphemeral = NdkSockAddr.EPHEMERAL_PORT_FIRST;

  /**
   * Binds {@code port} (0 = an ephemeral one) to {@code holder}.
   *
   * @return the bound port, or -1 with the failure in {@code failure[0]}: SHARING_VIOLATION for a
   *     busy port, TOO_MANY_ADDRESSES when no ephemeral port is left
   */
  int bind(int port, Object holder, NtStatus[] failure) {
    if (port != 0) {
      if (holders.containsKey(port)) {
        failure[0] = NtStatus.SHARING_VIOLATION;
        return -1;
      }
      holders.put(port, holder);
      return port;
    }
    int span = NdkSockAddr.EPHEMERAL_PORT_LAST - NdkSockAddr.EPHEMERAL_PORT_FIRST + 1;
    for (int i = 0; i < span; i++) {
      int candidate = nextEphemeral;
      nextEphemeral =
          candidate == NdkSockAddr.EPHEMERAL_PORT_LAST
              ? NdkSockAddr.EPHEMERAL_PORT_FIRST
              : candidate + 1;
      if (!holders.containsKey(candidate)) {
        holders.put(candidate, holder);
        return candidate;
      }
    }
    failure[0] = NtStatus.TOO_MANY_ADDRESSES;
    return -1;
  }

  /** Frees {@code port} if {@code holder} holds it. */
  void release(int port, Object holder) {
    if (holders.get(port) == holder) {
      holders.remove(port);
    }
  }

  /** What holds {@code port}, or null. */
  Object holder(int port) {
    return holders.get(port);
  }

  /** Reserves the connection local -> remote; false if it is already in use. */
  boolean reserveConnection(NdkSockAddr local, NdkSockAddr remote) {
    return connections.add(local + "->" + remote);
  }

  void releaseConnection(NdkSockAddr local, NdkSockAddr remote) {
    connections.remove(local + "->" + remote);
  }
}
