package org.rnicsim.experiments.study;

/** A validated workload, in engine units, that knows how to run itself. */
public interface WorkloadPlan {

  /** The name of the workload kind, as written after {@code kind:} in a study file. */
  String kind();

  /** Runs every point and replication of {@code study}, of which this is the workload. */
  StudyOutcome run(StudyPlan study);
}
