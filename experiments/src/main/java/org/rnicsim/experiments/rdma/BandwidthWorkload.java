package org.rnicsim.experiments.rdma;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.rdma.sim.QpChoice;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TestbedWorkload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: bandwidth} as written: perftest's bandwidth loops (ib_write_bw, ib_send_bw,
 * ib_read_bw): every client keeps a window of requests in flight, spread round robin over its QPs
 * (many-QP fan-out with {@code qps > 1}).
 *
 * @param operations send, write and/or read
 * @param sizes message sizes with units
 * @param iterations measured completions per case and client (perftest {@code -n})
 * @param warmUpIterations completions before measuring
 * @param window requests in flight per client (perftest's tx depth)
 * @param qps QPs per client (perftest {@code -q})
 * @param qpChoice how each request picks its QP: {@code round-robin} (perftest) or {@code random}
 *     (rdma_bench's swarm, calibration Q1)
 * @param inline whether payloads that fit the adapter's inline size travel inside the WQE
 * @param qpDepth send and receive queue depth, WQEs
 * @param cqDepth CQ depth, CQEs
 * @param api {@code hardware}: the loop drives the adapter directly, as perftest drives verbs;
 *     {@code ndk}: an NDK consumer runs it through the simulated provider, under the verifier
 */
public record BandwidthWorkload(
    @JsonPropertyDescription("operations to measure: send, write, read") List<String> operations,
    @JsonPropertyDescription("message sizes with units: [64B, 4KiB, 1MiB]") List<String> sizes,
    @JsonPropertyDescription("measured completions per size and client (perftest -n)")
        Integer iterations,
    @JsonPropertyDescription("completions before measuring") Integer warmUpIterations,
    @JsonPropertyDescription("requests in flight per client (perftest tx depth)") Integer window,
    @JsonPropertyDescription("QPs per client, used round robin (perftest -q); up to 16384")
        Integer qps,
    @JsonPropertyDescription("which QP each request goes to: round-robin (perftest) or random")
        String qpChoice,
    @JsonPropertyDescription("send payloads up to the adapter's maxInline inside the WQE")
        Boolean inline,
    @JsonPropertyDescription("send and receive queue depth in WQEs (up to the adapter's maximum)")
        Integer qpDepth,
    @JsonPropertyDescription("CQ depth in CQEs (up to the adapter's maximum)") Integer cqDepth,
    @JsonPropertyDescription(
            "hardware: drive the adapter directly (perftest over verbs); ndk: an NDK consumer"
                + " through the simulated provider, under the lifetime verifier")
        String api)
    implements TestbedWorkload {

  /** Tens of millions of simulated requests per case is hours, not a bandwidth figure. */
  static final int MAX_ITERATIONS = 10_000_000;

  @Override
  public WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    int before = problems.count();
    Transfers transfers =
        TransferChecks.check(
            problems, path, operations, sizes, inline, qpDepth, cqDepth, qps, testbed);
    TransferChecks.checkWindow(problems, path + ".window", window, transfers);
    QpChoice choice = null;
    if (problems.require(qpChoice, path + ".qpChoice") != null) {
      choice = QpChoice.of(qpChoice);
      if (choice == null) {
        problems.report(
            path + ".qpChoice",
            "'" + path + ".qpChoice' must be round-robin or random (got '" + qpChoice + "')");
      }
    }
    Iterations.check(problems, path + ".iterations", iterations, 1, MAX_ITERATIONS);
    Iterations.check(problems, path + ".warmUpIterations", warmUpIterations, 0, MAX_ITERATIONS);
    Iterations.checkVolume(problems, path + ".iterations", iterations, warmUpIterations, transfers);
    boolean ndk = NdkApi.check(problems, path + ".api", api, testbed);
    NdkApi.checkOneQp(problems, path + ".api", api, ndk, transfers);
    if (problems.count() > before || testbed == null) {
      return null;
    }
    return new BandwidthPlan(testbed, transfers, window, choice, iterations, warmUpIterations, ndk);
  }
}
