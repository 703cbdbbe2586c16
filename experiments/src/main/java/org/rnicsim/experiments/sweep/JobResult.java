package org.rnicsim.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A job's result file. It holds no time of day and no host name: the same job writes the same bytes
 * anywhere, so results combined from resumed runs equal those of one uninterrupted run.
 *
 * @param fingerprint the fingerprint of the job that wrote it
 * @param point index of the point in the grid
 * @param caseIndex index of the workload's case
 * @param replication replication number
 * @param eventsExecuted simulator events the job ran
 * @param metrics each metric's value by id, in the workload's order; null where nothing was
 *     measured
 */
@JsonPropertyOrder({
  "fingerprint",
  "point",
  "caseIndex",
  "replication",
  "eventsExecuted",
  "metrics"
})
public record JobResult(
    String fingerprint,
    int point,
    int caseIndex,
    int replication,
    long eventsExecuted,
    Map<String, Double> metrics) {}
