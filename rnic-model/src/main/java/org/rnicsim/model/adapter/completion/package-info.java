/**
 * Completions: CQ rings in host memory that the adapter fills by DMA and the host polls, the CQE
 * writer, and the listener hook through which event queues and interrupts learn that a CQE landed.
 */
package org.rnicsim.model.adapter.completion;
