package org.rnicsim.experiments.rdma;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TestbedWorkload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: open-loop} as written: every client issues requests at Poisson arrival times at a
 * fixed rate, round robin over its QPs, for the run's warm-up and duration. Its latency includes
 * the wait for the window, so it shows what a service's clients see as load grows.
 *
 * @param operations send, write and/or read
 * @param sizes message sizes with units
 * @param rate each client's mean arrival rate, with a unit ({@code 250Kops/s})
 * @param window requests in flight per client; more wait in the client's backlog
 * @param qps QPs per client, used round robin
 * @param inline whether payloads that fit the adapter's inline size travel inside the WQE
 * @param qpDepth send and receive queue depth, WQEs
 * @param cqDepth CQ depth, CQEs
 * @param p99Target the latency the study wants to stay under at the 99th percentile; 0us for none
 * @param api {@code hardware}: the loop drives the adapter directly, as perftest drives verbs;
 *     {@code ndk}: an NDK consumer runs it through the simulated provider, under the verifier
 */
public record OpenLoopWorkload(
    @JsonPropertyDescription("operations to measure: send, write, read") List<String> operations,
    @JsonPropertyDescription("message sizes with units: [4KiB]") List<String> sizes,
    @JsonPropertyDescription("each client's mean arrival rate, with a unit: 250Kops/s") String rate,
    @JsonPropertyDescription("requests in flight per client; more wait in a backlog")
        Integer window,
    @JsonPropertyDescription("QPs per client, used round robin; up to 16384") Integer qps,
    @JsonPropertyDescription("send payloads up to the adapter's maxInline inside the WQE")
        Boolean inline,
    @JsonPropertyDescription("send and receive queue depth in WQEs (up to the adapter's maximum)")
        Integer qpDepth,
    @JsonPropertyDescription("CQ depth in CQEs (up to the adapter's maximum)") Integer cqDepth,
    @JsonPropertyDescription(
            "p99 latency to stay under, drawn and answered in the report; 0us: none")
        String p99Target,
    @JsonPropertyDescription(
            "hardware: drive the adapter directly (perftest over verbs); ndk: an NDK consumer"
                + " through the simulated provider, under the lifetime verifier")
        String api)
    implements TestbedWorkload {

  /** A billion requests a second per client is beyond any adapter; a typo, not a study. */
  static final long MAX_RATE_PER_SECOND = 1_000_000_000L;

  @Override
  public WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    int before = problems.count();
    Transfers transfers =
        TransferChecks.check(
            problems, path, operations, sizes, inline, qpDepth, cqDepth, qps, testbed);
    TransferChecks.checkWindow(problems, path + ".window", window, transfers);
    Long perSecond = problems.operationsPerSecond(rate, path + ".rate");
    if (perSecond != null) {
      problems.check(
          perSecond >= 1 && perSecond <= MAX_RATE_PER_SECOND,
          path + ".rate",
          "be between 1ops/s and 1Gops/s",
          rate);
    }
    Long targetPs = problems.durationPs(p99Target, path + ".p99Target");
    if (targetPs != null) {
      problems.check(targetPs >= 0, path + ".p99Target", "not be negative", p99Target);
    }
    boolean ndk = NdkApi.check(problems, path + ".api", api, testbed);
    NdkApi.checkOneQp(problems, path + ".api", api, ndk, transfers);
    if (problems.count() > before || testbed == null) {
      return null;
    }
    return new OpenLoopPlan(testbed, transfers, perSecond, window, targetPs, ndk);
  }
}
