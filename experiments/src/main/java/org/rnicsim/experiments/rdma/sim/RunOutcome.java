package org.rnicsim.experiments.rdma.sim;

import java.util.List;

/**
 * What one RDMA job measured, in engine units, before it becomes metrics.
 *
 * @param latencies the latency of every measured operation, as the loop defines it
 * @param operations operations completed in the measured window, over all clients
 * @param measuredPs length of the measured window
 * @param bytesPerOperation payload bytes of one operation
 * @param stageMeansPs mean time of each requester stage at the clients, in the order of {@code
 *     StageBreakdown.REQUESTER_STAGES}, then the total; NaN where nothing was recorded
 * @param interrupts MSI-X interrupts the clients took in the measured window
 * @param interruptedCqes CQEs that landed on the clients' interrupt-driven CQs meanwhile
 * @param inFlightSamples requests in the system (arrived, not completed), summed over clients, at
 *     evenly spaced times of the measured window; empty for loops that do not sample
 * @param outstandingWqeSamples the clients' {@code sendQueues.outstandingWqes} gauges, summed, at
 *     the same times: the part of the requests in the system that the adapters hold
 * @param droppedArrivals open-loop arrivals refused because a client's backlog was full
 * @param switchDrops packets the switch dropped after the warm-up (0 without a switch; PFC keeps it
 *     at 0, so more says the fabric was not lossless)
 * @param eventsExecuted simulator events of the whole job, setup included
 * @param adapterQueues occupancy, throughput and sojourn of each adapter queue, as {@link
 *     AdapterQueues#measure} gives them; empty for loops that do not measure them
 */
public record RunOutcome(
    LatencySamples latencies,
    long operations,
    long measuredPs,
    long bytesPerOperation,
    List<Double> stageMeansPs,
    long interrupts,
    long interruptedCqes,
    List<Double> inFlightSamples,
    List<Double> outstandingWqeSamples,
    long droppedArrivals,
    long switchDrops,
    long eventsExecuted,
    List<Double> adapterQueues) {
  public RunOutcome {
    stageMeansPs = List.copyOf(stageMeansPs);
    inFlightSamples = List.copyOf(inFlightSamples);
    outstandingWqeSamples = List.copyOf(outstandingWqeSamples);
    adapterQueues = List.copyOf(adapterQueues);
  }
}
