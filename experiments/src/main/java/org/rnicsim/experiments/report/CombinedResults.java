package org.rnicsim.experiments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyPoint;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobResult;

/**
 * Every job result of a study reduced to one row per (point, case): means with 95 % Student t
 * intervals across replications. Replications are combined in replication order, whatever order
 * they finished in, so the sums (and so the bytes written) never depend on thread timing.
 *
 * @param study what was run
 * @param metrics the workload's metrics (the same at every point, as the kind cannot be swept)
 * @param caseAxis the workload's own cases, as the first point has them
 * @param rows in grid order, then case order
 */
public record CombinedResults(
    Study study, List<Metric> metrics, CaseAxis caseAxis, List<ResultRow> rows) {

  public static final double CONFIDENCE_LEVEL = 0.95;

  /** Combines {@code results} (by job file name) of {@code jobs}, which must all be present. */
  public static CombinedResults of(Study study, List<Job> jobs, Map<String, JobResult> results) {
    WorkloadPlan first = study.points().get(0).plan().workload();
    List<Metric> metrics = first.metrics();
    List<ResultRow> rows = new ArrayList<>();
    int next = 0;
    for (StudyPoint point : study.points()) {
      WorkloadPlan workload = point.plan().workload();
      int replications = point.plan().run().replications();
      for (int c = 0; c < workload.cases().size(); c++) {
        List<JobResult> replicationResults = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
          Job job = jobs.get(next++);
          JobResult result = results.get(job.fileName());
          if (result == null) {
            throw new IllegalStateException("no result for job " + job.fileName());
          }
          replicationResults.add(result);
        }
        rows.add(row(point, c, workload, metrics, replicationResults));
      }
    }
    return new CombinedResults(study, metrics, first.cases(), rows);
  }

  private static ResultRow row(
      StudyPoint point,
      int caseIndex,
      WorkloadPlan workload,
      List<Metric> metrics,
      List<JobResult> replications) {
    double caseValue = workload.cases().values().get(caseIndex);
    List<ConfidenceInterval> intervals = new ArrayList<>();
    List<Double> references = new ArrayList<>();
    long events = 0;
    for (JobResult result : replications) {
      events += result.eventsExecuted();
    }
    for (Metric metric : metrics) {
      double[] samples = new double[replications.size()];
      int n = 0;
      for (JobResult result : replications) {
        Double value = result.metrics().get(metric.id());
        if (value != null && Double.isFinite(value)) {
          samples[n++] = value;
        }
      }
      intervals.add(
          n == 0 ? null : ConfidenceInterval.of(Arrays.copyOf(samples, n), CONFIDENCE_LEVEL));
      references.add(workload.reference(metric.id(), caseValue));
    }
    return new ResultRow(
        point.index(),
        point.coordinates(),
        caseIndex,
        caseValue,
        workload.cases().group(caseIndex),
        replications.size(),
        intervals,
        references,
        events,
        replications);
  }

  /** Whether any metric has a reference value anywhere: then tables get a column for it. */
  public boolean hasReference(int metric) {
    for (ResultRow row : rows) {
      if (!Double.isNaN(row.references().get(metric))) {
        return true;
      }
    }
    return false;
  }

  /** Index of the metric with {@code id}, or -1. */
  public int metricIndex(String id) {
    for (int m = 0; m < metrics.size(); m++) {
      if (metrics.get(m).id().equals(id)) {
        return m;
      }
    }
    return -1;
  }

  public long eventsExecuted() {
    long events = 0;
    for (ResultRow row : rows) {
      events += row.eventsExecuted();
    }
    return events;
  }
}
