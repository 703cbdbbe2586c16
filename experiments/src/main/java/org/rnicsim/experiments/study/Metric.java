package org.rnicsim.experiments.study;

/**
 * One number each job measures, combined over replications into a mean with a confidence interval.
 *
 * @param id lower_snake_case with the unit last ({@code mean_wait_ns}), used as column and key name
 * @param label what it is, for chart axes and tables ({@code mean waiting time in queue})
 * @param unit the unit of the values ({@code ns}), empty for counts
 * @param charted whether it gets a chart of its own (counts of events usually do not)
 * @param referenceLabel the legend of the workload's reference curve for this metric, or null when
 *     theory offers none
 */
public record Metric(
    String id, String label, String unit, boolean charted, String referenceLabel) {}
