package org.rnicsim.experiments.rdma;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TestbedWorkload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: latency} as written: perftest's latency loops (ib_send_lat, ib_write_lat,
 * ib_read_lat), one message in flight, every operation at every size.
 *
 * @param operations send, write and/or read
 * @param sizes message sizes with units
 * @param iterations measured rounds per case and client (perftest {@code -n})
 * @param warmUpIterations rounds before measuring
 * @param inline whether payloads that fit the adapter's inline size travel inside the WQE
 * @param qpDepth send and receive queue depth, WQEs
 * @param cqDepth CQ depth, CQEs
 * @param api {@code hardware}: the loop drives the adapter directly, as perftest drives verbs;
 *     {@code ndk}: an NDK consumer runs it through the simulated provider, under the verifier
 */
public record LatencyWorkload(
    @JsonPropertyDescription("operations to measure: send, write, read") List<String> operations,
    @JsonPropertyDescription("message sizes with units: [32B, 4KiB, 64KiB]") List<String> sizes,
    @JsonPropertyDescription("measured round trips per size (perftest -n)") Integer iterations,
    @JsonPropertyDescription("round trips before measuring") Integer warmUpIterations,
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

  /** More is hours of simulation per case, not a latency measurement. */
  static final int MAX_ITERATIONS = 1_000_000;

  @Override
  public WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    int before = problems.count();
    Transfers transfers =
        TransferChecks.check(
            problems, path, operations, sizes, inline, qpDepth, cqDepth, 1, testbed);
    Iterations.check(problems, path + ".iterations", iterations, 1, MAX_ITERATIONS);
    Iterations.check(problems, path + ".warmUpIterations", warmUpIterations, 0, MAX_ITERATIONS);
    Iterations.checkVolume(problems, path + ".iterations", iterations, warmUpIterations, transfers);
    boolean ndk = NdkApi.check(problems, path + ".api", api, testbed);
    if (problems.count() > before || testbed == null) {
      return null;
    }
    return new LatencyPlan(testbed, transfers, iterations, warmUpIterations, ndk);
  }
}
