package org.rnicsim.experiments.queueing;

import java.util.List;
import org.rnicsim.experiments.study.StudyOutcome;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * A validated M/M/1 workload.
 *
 * @param meanServicePs mean service time, positive
 * @param loads offered loads, each in (0, 1), distinct, in the order the file lists them
 */
public record Mm1Plan(long meanServicePs, List<Double> loads) implements WorkloadPlan {

  public static final String KIND = "mm1";

  public Mm1Plan {
    loads = List.copyOf(loads);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public StudyOutcome run(StudyPlan study) {
    return new Mm1Report(study, this, Mm1Experiment.run(study.run(), this));
  }
}
