package org.rnicsim.experiments.study;

import java.util.List;
import java.util.Map;
import org.rnicsim.engine.SimTime;

/**
 * A validated workload, in engine units, that runs one job at a time. A job is one case of the
 * workload (one load, one message size) in one replication, and a pure function of the plan, the
 * run control, the case and the replication: the sweep machinery runs jobs in any order, on any
 * thread, in any process, and combines their measurements.
 */
public interface WorkloadPlan {

  /** The name of the workload kind, as written after {@code kind:} in a study file. */
  String kind();

  /** One line for people: what this workload simulates, with its main parameters. */
  String describe();

  /** The workload's own list of cases; a workload without one has a single case. */
  CaseAxis cases();

  /** What each job measures, in the order of {@link Measurement#values()}. */
  List<Metric> metrics();

  /**
   * The names of the charts this workload's report draws of its own (a latency CDF, a stage
   * breakdown), beyond the chart of each charted metric; a study's {@code charts} key chooses among
   * them and those. A report draws a chart only where its data allows (a chart against message size
   * needs more than one size), so a name here is a chart the kind can draw, not one it always does.
   */
  default List<String> ownCharts() {
    return List.of();
  }

  /**
   * The text of each file this workload read as input (see {@link StudyInputs}), by the name the
   * study wrote: part of every job's fingerprint, and carried to cluster members with the study.
   */
  default Map<String, String> inputFiles() {
    return Map.of();
  }

  /** Runs case {@code caseIndex} of replication {@code replication}. */
  Measurement measure(RunPlan run, int caseIndex, int replication);

  /**
   * A rough guess of how much work case {@code caseIndex} is, relative to the other jobs of the
   * same study (simulated packets or customers, say): the sweep starts the largest jobs first, so
   * that no long job starts last and keeps one core busy while the others idle. Only the order
   * depends on it, never a result. Default: every job alike, which keeps the grid order.
   */
  default double relativeCost(RunPlan run, int caseIndex) {
    return 1;
  }

  /**
   * How much of each replication is measured, for people: simulated time by default ({@code 50.000
   * ms after 1.000 ms warm-up}); a loop that counts iterations says so instead.
   */
  default String measuredSpan(RunPlan run) {
    return SimTime.format(run.durationPs())
        + " after "
        + SimTime.format(run.warmUpPs())
        + " warm-up";
  }

  /**
   * The value theory predicts for {@code metric} at case value {@code caseX} (an analytic curve
   * drawn beside the measured points), or NaN when there is none.
   */
  default double reference(String metric, double caseX) {
    return Double.NaN;
  }
}
