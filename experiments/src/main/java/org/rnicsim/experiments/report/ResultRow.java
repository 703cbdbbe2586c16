package org.rnicsim.experiments.report;

import java.util.List;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.sweep.JobResult;

/**
 * One case of one point, over its replications.
 *
 * @param point index of the point in the grid
 * @param coordinates the point's axis values, in axis order
 * @param caseIndex index of the workload's case
 * @param caseValue the case's value (a load, a message size)
 * @param caseGroup the case's group (an operation), empty when the cases have none
 * @param replications how many replications went in
 * @param metrics per metric, the interval of its mean over the replications that measured it; null
 *     when none did
 * @param references per metric, the workload's theoretical value, NaN where there is none
 * @param eventsExecuted simulator events, summed over replications
 * @param byReplication each replication's own result, in replication order
 */
public record ResultRow(
    int point,
    List<AxisValue> coordinates,
    int caseIndex,
    double caseValue,
    String caseGroup,
    int replications,
    List<ConfidenceInterval> metrics,
    List<Double> references,
    long eventsExecuted,
    List<JobResult> byReplication) {
  public ResultRow {
    byReplication = List.copyOf(byReplication);
  }
}
