package org.rnicsim.experiments.queueing;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.study.LoadList;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.Workload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: mm1} as written in a study file.
 *
 * @param meanServiceTime mean of the service time, with a unit ({@code "1us"})
 * @param serviceDistribution {@code exponential} (M/M/1) or {@code deterministic} (M/D/1)
 * @param loads offered loads rho = lambda / mu to run, each strictly between 0 and 1
 */
public record Mm1Workload(
    @JsonPropertyDescription("mean of the service time 1/mu, with a unit: 1us")
        String meanServiceTime,
    @JsonPropertyDescription(
            "how service times vary: exponential (M/M/1) | deterministic (M/D/1, every customer"
                + " takes exactly meanServiceTime)")
        String serviceDistribution,
    @JsonPropertyDescription("offered loads rho = lambda/mu, each in (0, 1); one case each")
        List<Double> loads)
    implements Workload {

  /** Each load is a full set of replications; more points than this is a typo, not a study. */
  static final int MAX_LOADS = 100;

  @Override
  public WorkloadPlan validate(Problems problems, String path) {
    int problemsBefore = problems.count();
    Long meanServicePs = problems.durationPs(meanServiceTime, path + ".meanServiceTime");
    if (meanServicePs != null) {
      problems.check(meanServicePs > 0, path + ".meanServiceTime", "be positive", meanServiceTime);
    }
    String distributionPath = path + ".serviceDistribution";
    ServiceDistribution service = null;
    if (problems.require(serviceDistribution, distributionPath) != null) {
      service = ServiceDistribution.fromFileName(serviceDistribution);
      problems.check(
          service != null,
          distributionPath,
          "be exponential or deterministic",
          serviceDistribution);
    }
    // At rho >= 1 the queue grows without bound and there is no steady state to measure.
    LoadList.check(problems, loads, path + ".loads", MAX_LOADS, false);
    if (problems.count() > problemsBefore) {
      return null;
    }
    return new Mm1Plan(meanServicePs, service, loads);
  }
}
