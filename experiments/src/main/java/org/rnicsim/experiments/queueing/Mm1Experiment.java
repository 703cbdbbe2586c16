package org.rnicsim.experiments.queueing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.RunPlan;

/** Runs every (load, replication) of an M/M/1 study and combines the replications of each load. */
public final class Mm1Experiment {
  public static final double CONFIDENCE_LEVEL = 0.95;

  private Mm1Experiment() {}

  /** The results in the order of {@code plan.loads()}. */
  public static List<LoadPoint> run(RunPlan run, Mm1Plan plan) {
    int replications = run.replications();
    int jobs = plan.loads().size() * replications;
    // Replications are independent and single-threaded, so they run side by side; the list keeps
    // job order,
    // which makes the combined numbers independent of thread timing.
    List<Mm1Replication.Outcome> outcomes =
        IntStream.range(0, jobs)
            .parallel()
            .mapToObj(
                job ->
                    Mm1Replication.run(
                        run,
                        plan.meanServicePs(),
                        plan.loads().get(job / replications),
                        job % replications))
            .toList();
    List<LoadPoint> points = new ArrayList<>();
    for (int i = 0; i < plan.loads().size(); i++) {
      points.add(
          combine(
              plan.loads().get(i),
              plan.meanServicePs(),
              outcomes.subList(i * replications, (i + 1) * replications)));
    }
    return points;
  }

  private static LoadPoint combine(
      double load, long meanServicePs, List<Mm1Replication.Outcome> replications) {
    double[] means = new double[replications.size()];
    long customers = 0;
    long events = 0;
    for (int r = 0; r < means.length; r++) {
      Mm1Replication.Outcome outcome = replications.get(r);
      means[r] = outcome.meanWaitPs();
      customers += outcome.customersMeasured();
      events += outcome.eventsExecuted();
    }
    return new LoadPoint(
        load,
        Mm1Theory.meanWaitPs(load, meanServicePs),
        ConfidenceInterval.of(means, CONFIDENCE_LEVEL),
        customers,
        events,
        replications.get(0).simulatedPs());
  }
}
