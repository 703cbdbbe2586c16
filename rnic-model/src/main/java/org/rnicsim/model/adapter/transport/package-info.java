/**
 * The RC transport on the adapter: QPs and their rings, the requester (doorbell, WQE fetch, payload
 * fetch, packetisation, ACK handling, retransmission, send completions), the send scheduler that
 * chooses between QPs with packets ready, and the responder (SEND into a posted receive, WRITE,
 * READ with its responses, ACKs and NAKs), with per-QP state RESET, INIT, RTR, RTS and ERROR.
 *
 * <p>Stages pass work on with a ready time rather than an event where the next resource (the DMA
 * engines, the PCIe link, the port) can take it with that ready time: a fixed pipeline latency
 * costs arithmetic, not an event. Events happen where something arrives: a doorbell write, a DMA
 * read's data, a packet, a CQE.
 */
package org.rnicsim.model.adapter.transport;
