package org.rnicsim.engine.stats;

/** What a latency histogram saw, in picoseconds; mean and standard deviation are NaN when empty. */
public record HistogramSummary(
    String name,
    long count,
    double meanPs,
    long minPs,
    long p50Ps,
    long p90Ps,
    long p99Ps,
    long p999Ps,
    long maxPs,
    double stdDevPs) {}
