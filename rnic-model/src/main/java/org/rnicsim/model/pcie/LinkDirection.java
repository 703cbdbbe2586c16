package org.rnicsim.model.pcie;

/** The two directions of a PCIe link, named from the adapter's side. */
public enum LinkDirection {
  /** Upstream: memory writes, read requests and MSI-X messages from the adapter. */
  DEVICE_TO_HOST,
  /** Downstream: completions with data answering the adapter's reads (and host MMIO writes). */
  HOST_TO_DEVICE
}
