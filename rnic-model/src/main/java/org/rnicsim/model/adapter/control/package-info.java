/**
 * The seam between the adapter's datapath and its control path. Creating and destroying CQs and QPs
 * and changing QP state are commands the adapter's firmware executes; the datapath only needs to
 * know when each finishes. {@link org.rnicsim.model.adapter.control.ControlPath} is that seam:
 * {@link org.rnicsim.model.adapter.control.FixedLatencyControlPath} completes every command after a
 * fixed latency, and the firmware command queue (its own package) replaces it with queued, per-kind
 * latencies and completion by event-queue entry.
 */
package org.rnicsim.model.adapter.control;
