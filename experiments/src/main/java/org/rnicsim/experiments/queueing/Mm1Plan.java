package org.rnicsim.experiments.queueing;

import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * A validated M/M/1 (or M/D/1) workload: each load is a case, and each (load, replication) a job.
 *
 * @param meanServicePs mean service time, positive
 * @param service how service times vary around the mean
 * @param loads offered loads, each in (0, 1), distinct, in the order the file lists them
 */
public record Mm1Plan(long meanServicePs, ServiceDistribution service, List<Double> loads)
    implements WorkloadPlan {

  public static final String KIND = "mm1";
  static final String MEAN_WAIT = "mean_wait_ns";

  private static final Metric CUSTOMERS =
      new Metric("customers_measured", "customers measured", "", false, null);

  public Mm1Plan {
    loads = List.copyOf(loads);
  }

  /** An M/M/1 plan: exponential service. */
  public Mm1Plan(long meanServicePs, List<Double> loads) {
    this(meanServicePs, ServiceDistribution.EXPONENTIAL, loads);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s, mean service %s, %d load(s)",
        service.kendall(),
        SimTime.format(meanServicePs),
        loads.size());
  }

  @Override
  public CaseAxis cases() {
    return new CaseAxis("load", "", loads);
  }

  @Override
  public List<Metric> metrics() {
    String analytic =
        service == ServiceDistribution.EXPONENTIAL
            ? "analytic Wq = \u03c1 / (\u03bc \u2212 \u03bb)"
            : "analytic Wq = \u03c1 / (2 (\u03bc \u2212 \u03bb)) (Pollaczek-Khinchine)";
    return List.of(
        new Metric(MEAN_WAIT, "mean waiting time in queue Wq", "ns", true, analytic), CUSTOMERS);
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    Mm1Replication.Outcome outcome =
        Mm1Replication.run(run, meanServicePs, service, loads.get(caseIndex), replication);
    return new Measurement(
        List.of(outcome.meanWaitPs() / SimTime.PS_PER_NS, (double) outcome.customersMeasured()),
        outcome.eventsExecuted());
  }

  /** Customers over the whole run: arrival rate (load over mean service) times time. */
  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return loads.get(caseIndex) / meanServicePs * run.endPs();
  }

  @Override
  public double reference(String metric, double load) {
    if (!MEAN_WAIT.equals(metric) || load < 0 || load >= 1) {
      return Double.NaN;
    }
    return Mm1Theory.meanWaitPs(load, meanServicePs, service) / SimTime.PS_PER_NS;
  }
}
