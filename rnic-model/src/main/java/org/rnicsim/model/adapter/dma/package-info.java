/**
 * The adapter's DMA engines: every posted write and every read the adapter makes goes through them,
 * paced by their issue rate (calibration P5) and, for reads, limited by the read tags in flight.
 */
package org.rnicsim.model.adapter.dma;
