package org.rnicsim.experiments.rdma;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.CompletionSection;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;

/**
 * {@code workload.api}: whether an RDMA loop drives the adapter directly ({@code hardware}, as
 * perftest drives verbs) or runs as an NDK consumer through the simulated provider under the
 * lifetime verifier ({@code ndk}), whose violations then join the results.
 */
final class NdkApi {
  static final String HARDWARE = "hardware";
  static final String NDK = "ndk";

  /** The verifier's violations per job, a metric of {@code api: ndk} runs only. */
  static final Metric VIOLATIONS = new Metric("violations", "lifetime violations", "", false, null);

  private NdkApi() {}

  /**
   * Whether {@code api} at {@code path} asks for the NDK consumer; reports a value that is neither,
   * and what the NDK consumer does not run: more than one client (not yet), adaptive moderation
   * (NDK has none).
   */
  static boolean check(Problems problems, String path, String api, TestbedPlan testbed) {
    if (problems.require(api, path) == null) {
      return false;
    }
    if (!HARDWARE.equals(api) && !NDK.equals(api)) {
      problems.report(path, "'" + path + "' must be hardware or ndk (got '" + api + "')");
      return false;
    }
    boolean ndk = NDK.equals(api);
    if (ndk && testbed != null) {
      String shape = testbed.topology().cabling().leafSpine() != null ? "leaf-spine" : "switch";
      problems.check(
          !testbed.topology().switched(),
          path,
          "be hardware on a "
              + shape
              + ": the NDK consumer runs one client and one server, back to back",
          api);
      problems.check(
          testbed.completion().mode() != CompletionSection.Mode.ADAPTIVE,
          path,
          "be hardware with adaptive moderation: an NDK consumer sets static moderation"
              + " (NdkControlCqInterruptModeration); use completion.mode polling or interrupts",
          api);
    }
    return ndk;
  }

  /** The NDK consumer posts on one QP: a fan-out over {@code qps} is the hardware loop's. */
  static void checkOneQp(
      Problems problems, String path, String api, boolean ndk, Transfers transfers) {
    if (ndk && transfers != null) {
      problems.check(
          transfers.qps() == 1,
          path,
          "be hardware with qps "
              + transfers.qps()
              + ": the NDK consumer posts on one QP per client (qps: 1)",
          api);
    }
  }

  static List<Metric> withViolations(List<Metric> metrics) {
    List<Metric> all = new ArrayList<>(metrics);
    all.add(VIOLATIONS);
    return all;
  }

  static Measurement withViolations(Measurement measurement, int violations) {
    List<Double> values = new ArrayList<>(measurement.values());
    values.add((double) violations);
    return new Measurement(values, measurement.eventsExecuted());
  }
}
