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
 * @param detail whether it is one of many numbers that only make sense together (the points of a
 *     CDF, the stages of a breakdown, samples over time): those go to summary.json and to tables
 *     and charts of their own, not into the main results table
 */
public record Metric(
    String id, String label, String unit, boolean charted, String referenceLabel, boolean detail) {

  /** A metric of the main results table. */
  public Metric(String id, String label, String unit, boolean charted, String referenceLabel) {
    this(id, label, unit, charted, referenceLabel, false);
  }

  /** A detail metric: never charted alone, kept out of the main results table. */
  public static Metric detail(String id, String label, String unit) {
    return new Metric(id, label, unit, false, null, true);
  }
}
