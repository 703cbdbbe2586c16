package org.rnicsim.model.pcie;

/** Where the host buffer of a DMA lives relative to the socket the adapter is attached to. */
public enum HostMemoryLocality {
  /** Memory on the adapter's own socket: the case calibration P4 was measured in. */
  LOCAL_SOCKET,
  /** Memory on the other socket: calibration P4 says this adds about 100 ns to a read. */
  REMOTE_SOCKET
}
