/**
 * The DMA workload ({@code kind: dma}): pcie-bench-style DMA reads and writes issued by one
 * adapter's DMA engines over its PCIe link, with no RDMA traffic, so the P entries of
 * docs/calibration.md (link rate, TLP overhead, read latency, engine issue rate) can be run from a
 * study file.
 */
package org.rnicsim.experiments.dma;
