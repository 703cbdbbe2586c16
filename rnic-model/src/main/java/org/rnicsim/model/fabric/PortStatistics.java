package org.rnicsim.model.fabric;

/**
 * One port's counters since the statistics were last reset (the end of warm-up): what it sent, the
 * congestion it saw and its egress queue. For a switch port, pauses sent are the PFC XOFFs the
 * switch sent to the link partner because of what arrived on this port, drops the packets its
 * output buffer refused; for an adapter port both are 0.
 *
 * @param port the port's name, e.g. {@code leaf0.out4}
 * @param ecnMarks packets a switch marked Congestion Experienced while queueing them here
 * @param pfcPausesReceived PFC XOFFs that stopped this port
 * @param maxQueueBytes the most bytes the egress queue held
 * @param meanQueueBytes the egress queue's bytes averaged over simulated time
 */
public record PortStatistics(
    String port,
    long txPackets,
    long txWireBytes,
    long ecnMarks,
    long pfcPausesSent,
    long pfcPausesReceived,
    long drops,
    long maxQueueBytes,
    double meanQueueBytes) {}
