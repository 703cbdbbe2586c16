package org.rnicsim.experiments.flows;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.study.LoadList;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TestbedWorkload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: flows} as written: flows between the machines of the topology, each an RC WRITE
 * stream on a QP of its own, sizes drawn from a CDF, arriving as a Poisson process at a share of
 * the host links' rate (or all at once), in a traffic pattern.
 *
 * @param sizes a CDF (built-in name or file relative to the study) or one size with a unit
 * @param pattern all-to-all, incast or permutation
 * @param senders incast: the machines sending to machine 0 (machines 1..senders)
 * @param arrivals poisson (at each load) or once (every sender starts one flow at the start)
 * @param loads poisson: offered payload load of each sender's link, 0 to 1 (incast: of the
 *     receiver's link, shared by the senders); one case each
 * @param messageSize the WRITEs a flow is cut into
 * @param window WRITEs in flight per flow
 * @param qpsPerPair connected QPs per (sender, receiver) pair, created before the first flow
 * @param drainLimit how long after the last arrival flows may take to finish
 */
public record FlowsWorkload(
    @JsonPropertyDescription(
            "flow sizes: websearch | fb-hadoop | a CDF file relative to the study | one size: 1MiB")
        String sizes,
    @JsonPropertyDescription("all-to-all | incast (senders to machine 0) | permutation")
        String pattern,
    @JsonPropertyDescription("incast: machines 1..senders send to machine 0") Integer senders,
    @JsonPropertyDescription(
            "poisson: arrivals at each load | once: every sender starts one flow at the start")
        String arrivals,
    @JsonPropertyDescription(
            "poisson: payload load of each sender's link in (0, 1] (incast: of the receiver's);"
                + " one case each")
        List<Double> loads,
    @JsonPropertyDescription("the RDMA WRITEs a flow is cut into, with a unit: 64KiB")
        String messageSize,
    @JsonPropertyDescription("WRITEs in flight per flow") Integer window,
    @JsonPropertyDescription(
            "connected QPs per sender-receiver pair, made before the first flow; a flow waits"
                + " for a free one")
        Integer qpsPerPair,
    @JsonPropertyDescription("how long after the last arrival flows may take to finish: 50ms")
        String drainLimit)
    implements TestbedWorkload {

  /** The name a study file writes after {@code kind:}. */
  public static final String KIND = "flows";

  static final int MAX_LOADS = 20;
  static final int MAX_WINDOW = 1024;
  static final int MAX_QPS_PER_PAIR = 64;

  @Override
  public WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    int before = problems.count();
    FlowSizeCdf cdf = FlowSizeSource.resolve(problems, path + ".sizes", sizes);
    String patternPath = path + ".pattern";
    FlowPattern flowPattern = null;
    if (problems.require(pattern, patternPath) != null) {
      flowPattern = FlowPattern.named(pattern);
      problems.check(
          flowPattern != null, patternPath, "be all-to-all, incast or permutation", pattern);
    }
    int machines = testbed == null ? Integer.MAX_VALUE : testbed.topology().fabricHosts();
    String sendersPath = path + ".senders";
    if (problems.require(senders, sendersPath) != null && flowPattern == FlowPattern.INCAST) {
      problems.check(
          senders >= 1 && senders < machines,
          sendersPath,
          "be between 1 and the machines less one (machine 0 receives)",
          senders);
    }
    if (testbed != null && flowPattern != FlowPattern.INCAST) {
      problems.check(
          machines >= 2, path + ".pattern", "have at least two machines to send between", pattern);
    }
    String arrivalsPath = path + ".arrivals";
    boolean poisson = true;
    if (problems.require(arrivals, arrivalsPath) != null) {
      poisson = "poisson".equals(arrivals);
      problems.check(
          poisson || "once".equals(arrivals), arrivalsPath, "be poisson or once", arrivals);
    }
    checkLoads(problems, path + ".loads");
    Long messageBytes = problems.bytes(messageSize, path + ".messageSize");
    if (messageBytes != null) {
      problems.check(
          messageBytes >= 1 && messageBytes <= (1L << 30),
          path + ".messageSize",
          "be 1B to 1GiB",
          messageSize);
    }
    if (problems.require(window, path + ".window") != null) {
      problems.check(
          window >= 1 && window <= MAX_WINDOW,
          path + ".window",
          "be between 1 and " + MAX_WINDOW,
          window);
      if (testbed != null) {
        int maxDepth = testbed.hardware().limits().maxQueueDepth();
        problems.check(
            window <= maxDepth,
            path + ".window",
            "fit the adapter's " + maxDepth + " WQEs (hardware.limits.maxQueueDepth)",
            window);
      }
    }
    if (problems.require(qpsPerPair, path + ".qpsPerPair") != null) {
      problems.check(
          qpsPerPair >= 1 && qpsPerPair <= MAX_QPS_PER_PAIR,
          path + ".qpsPerPair",
          "be between 1 and " + MAX_QPS_PER_PAIR,
          qpsPerPair);
    }
    Long drainPs = problems.durationPs(drainLimit, path + ".drainLimit");
    if (drainPs != null) {
      problems.check(drainPs > 0, path + ".drainLimit", "be positive", drainLimit);
    }
    if (problems.count() > before || testbed == null) {
      return null;
    }
    FlowTraffic traffic =
        new FlowTraffic(
            cdf,
            flowPattern,
            senders,
            poisson,
            poisson ? loads : List.of(1.0),
            messageBytes,
            window,
            qpsPerPair,
            drainPs);
    return new FlowsPlan(testbed, traffic);
  }

  private void checkLoads(Problems problems, String loadsPath) {
    LoadList.check(problems, loads, loadsPath, MAX_LOADS, true);
  }
}
