/**
 * Statistics cheap enough to update on every simulated packet: latency histograms in HdrHistogram's
 * bucket layout, time-weighted gauges and counters. All are reset at the end of warm-up and
 * summarised once, at the end, into immutable records.
 */
package org.rnicsim.engine.stats;
