package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.model.testbed.LeafSpine;

/**
 * A validated {@code flows} workload: each load is a case, each (load, replication) a job. The idle
 * FCT a slowdown divides by is simulated, not derived: one flow of the same size alone on two
 * machines cabled as the study's, once per size and kept for every job of this point (a pure
 * function of the hardware, the cabling and the size, so the jobs share it on any thread).
 */
final class FlowsPlan implements WorkloadPlan {
  private final TestbedPlan testbed;
  private final FlowTraffic traffic;
  private final List<Metric> metrics;
  private final Map<Long, Long> idleFctPs = new ConcurrentHashMap<>();

  FlowsPlan(TestbedPlan testbed, FlowTraffic traffic) {
    this.testbed = testbed;
    this.traffic = traffic;
    this.metrics = FlowMetrics.metrics();
  }

  int[] senders() {
    return traffic.pattern().senders(testbed.topology().fabricHosts(), traffic.incastSenders());
  }

  @Override
  public String kind() {
    return FlowsWorkload.KIND;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s flows among %d machines (topology: %s), sizes %s (mean %.0f B), %s, WRITEs of %d B, window %d",
        traffic.pattern().fileName(),
        testbed.topology().fabricHosts(),
        testbed.topology().describe(),
        traffic.sizes().name(),
        traffic.sizes().meanBytes(),
        traffic.poisson() ? "Poisson arrivals" : "one flow per sender at once",
        traffic.messageBytes(),
        traffic.window());
  }

  @Override
  public CaseAxis cases() {
    return new CaseAxis("load", "", traffic.loads());
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  @Override
  public List<String> ownCharts() {
    return List.of(FlowsReport.SLOWDOWN_BY_SIZE, FlowsReport.RATES, FlowsReport.QUEUE);
  }

  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return traffic.loads().get(caseIndex) * testbed.topology().fabricHosts() * run.endPs();
  }

  @Override
  public Map<String, String> inputFiles() {
    return traffic.sizes().inputFiles();
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    FlowRun flowRun = runJob(run, caseIndex, replication);
    List<Double> values =
        FlowMetrics.values(flowRun, this::idleFctPs, run.warmUpPs(), run.durationPs(), senders());
    return new Measurement(values, flowRun.eventsExecuted());
  }

  /** The simulation of one job, without the idle FCTs its slowdowns need. */
  FlowRun runJob(RunPlan run, int caseIndex, int replication) {
    FlowRun flowRun = prepareJob(run, caseIndex, replication);
    flowRun.runTraffic();
    return flowRun;
  }

  /** One job set up, its traffic not yet run. */
  FlowRun prepareJob(RunPlan run, int caseIndex, int replication) {
    return FlowRun.prepare(
        testbed, traffic, caseIndex, run.seed(), replication, run.warmUpPs(), run.durationPs());
  }

  /**
   * The FCT of a flow of {@code flow}'s size alone on an idle network, on a path as long as its
   * own: on a leaf-spine, from a machine to another on the same leaf or on another leaf.
   */
  long idleFctPs(FlowRun.Flow flow) {
    LeafSpine leafSpine = testbed.topology().cabling().leafSpine();
    boolean sameLeaf =
        leafSpine != null && leafSpine.leafOf(flow.sender) == leafSpine.leafOf(flow.receiver);
    // Machines are dealt round the leaves: machine 0 and machine "leaves" share leaf 0.
    int receiver = sameLeaf ? leafSpine.leaves() : 1;
    long key = flow.bytes * 2 + (sameLeaf ? 1 : 0);
    return idleFctPs.computeIfAbsent(
        key, k -> FlowRun.loneFctPs(testbed, traffic, flow.bytes, receiver));
  }

  List<Double> loads() {
    return new ArrayList<>(traffic.loads());
  }
}
