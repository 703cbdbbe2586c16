package org.rnicsim.engine.stats;

/** A counter's total and rate per simulated second (NaN over an empty span). */
public record CounterSummary(String name, long count, double ratePerSecond, long observedPs) {}
