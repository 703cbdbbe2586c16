package org.rnicsim.experiments.storm;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.script.ScriptSetup;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.ProviderSection;
import org.rnicsim.experiments.study.ProviderWorkload;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.ndk.consumer.ScriptSettings;

/**
 * {@code kind: connection-storm} as written: how long a client host takes to open {@code pairs}
 * connected QP pairs to a server host through the NDK provider, and to tear them down, on the
 * study's {@code hardware} and {@code topology} (the server on machine 0, the client on machine 1)
 * under its {@code provider:} section.
 *
 * @param pairs connected QP pairs to open at once, each a QP on either host
 */
public record ConnectionStormWorkload(
    @JsonPropertyDescription(
            "connected QP pairs the client opens to the server at once (1 to 10000, and within"
                + " hardware.limits.maxQps)")
        Integer pairs)
    implements ProviderWorkload {

  /** The name a study file writes after {@code kind:}. */
  public static final String KIND = "connection-storm";

  /** More pairs than this is a typo, not a study: a storm of 10,000 runs for seconds. */
  static final int MAX_PAIRS = 10_000;

  /** The hosts, in machine order. */
  static final List<String> HOSTS = List.of("server", "client");

  @Override
  public WorkloadPlan validate(
      Problems problems, String path, TestbedPlan testbed, ProviderSection provider) {
    int before = problems.count();
    String pairsPath = path + ".pairs";
    if (problems.require(pairs, pairsPath) != null) {
      problems.check(
          pairs > 0 && pairs <= MAX_PAIRS, pairsPath, "be between 1 and " + MAX_PAIRS, pairs);
      if (testbed != null) {
        int maxQps = testbed.hardware().limits().maxQps();
        problems.check(
            pairs <= maxQps,
            pairsPath,
            "be at most the adapter's " + maxQps + " QPs (hardware.limits.maxQps)",
            pairs);
      }
    }
    ScriptSettings settings = ScriptSetup.settings(provider, HOSTS, path, testbed, 1, problems);
    if (problems.count() > before || settings == null) {
      return null;
    }
    return new ConnectionStormPlan(settings, pairs);
  }
}
