/**
 * The RNIC between its PCIe link and its network port. {@link org.rnicsim.model.adapter.Rnic} is
 * the hardware-level interface a driver programs: create and destroy CQs and QPs through the
 * control path, modify QP state, write WQEs into rings and ring doorbells, poll CQs, and listen for
 * CQEs landing. Sub-packages hold the parts: {@code transport} (RC requester, responder, send
 * scheduler, QP state), {@code cache} (QP-context and translation caches), {@code dma} (engines and
 * read tags), {@code completion} (CQ rings, CQE writer, the CQE listener hook), {@code control}
 * (the seam to the firmware command queue) and {@code observe} (per-stage latency breakdown).
 */
package org.rnicsim.model.adapter;
