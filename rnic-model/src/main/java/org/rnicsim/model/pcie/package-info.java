/**
 * The PCIe layer of the adapter model as exact arithmetic: link rates after the physical and
 * data-link layers, the TLPs and wire bytes each DMA costs per direction, link-limited and
 * engine-limited DMA throughput, and the median DMA read latency.
 *
 * <p>Everything here is a pure function of a {@link org.rnicsim.model.pcie.PcieLinkConfig}; the
 * event model prices each DMA with {@link org.rnicsim.model.pcie.TlpCostModel} and turns wire bytes
 * into picoseconds with {@link org.rnicsim.model.pcie.PcieLinkBandwidth}. Every figure is tuned to
 * calibration.md section P (Neugebauer et al., SIGCOMM 2018); numbers that no entry gives are
 * marked "assumption" where they are defined.
 *
 * <p>Directions are named from the adapter's side: device-to-host carries memory writes, read
 * requests and MSI-X; host-to-device carries read completions.
 */
package org.rnicsim.model.pcie;
