/**
 * The network between adapters: ports that serialise packets at their line rate, full-duplex links
 * with a propagation delay, a switch with per-output queues and a finite buffer, and the faults an
 * experiment can inject at a simulated time (link down and up, random packet loss).
 *
 * <p>A packet is its own event on each hop, so moving it allocates nothing. Headers are priced as a
 * per-packet byte count from the port profile plus the transport's extended headers (RETH, AETH,
 * from the InfiniBand specification); no field is ever parsed.
 */
package org.rnicsim.model.fabric;
