/**
 * On-adapter caches of host-resident state: QP contexts, send-queue state, READ responder state,
 * memory protection (MPT) and translation (MTT) entries. A hit costs a lookup latency; a miss costs
 * a DMA read of the entry, and everything that needs the entry waits for it (calibration Q1).
 */
package org.rnicsim.model.adapter.cache;
