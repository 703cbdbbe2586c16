package org.rnicsim.experiments.ndkscript;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rnicsim.experiments.script.ScriptSetup;
import org.rnicsim.experiments.script.StepEntry;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.ProviderSection;
import org.rnicsim.experiments.study.ProviderWorkload;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;

/**
 * {@code kind: ndk-script} as written: a scripted NDK consumer, step by step in the lessons'
 * vocabulary (openAdapter, createCq, createQp, post, close, waitFor, failNextCommand, ...), on the
 * hosts it names. Host i runs on machine i of the study's {@code hardware} and {@code topology}
 * (back to back: one host looped back or two on a cable; a switch: up to its machines), under the
 * study's {@code provider:} section.
 *
 * @param hosts host names, one simulated provider each; the first is where steps run by default
 * @param steps what the consumer does, in order
 */
public record NdkScriptWorkload(
    @JsonPropertyDescription("host names, one simulated provider each (1 to 8): [host]")
        List<String> hosts,
    @JsonPropertyDescription(
            "the consumer's steps in the lessons' vocabulary (configs/lessons/README.md):"
                + " openAdapter, createCq, createPd, createQp, close, waitFor, ...")
        List<StepEntry> steps)
    implements ProviderWorkload {

  /** The name a study file writes after {@code kind:}. */
  public static final String KIND = "ndk-script";

  @Override
  public WorkloadPlan validate(
      Problems problems, String path, TestbedPlan testbed, ProviderSection provider) {
    int before = problems.count();
    List<String> hostNames = ScriptSetup.hosts(hosts, path + ".hosts", problems);
    ScriptSettings settings =
        ScriptSetup.settings(provider, hostNames, path + ".hosts", testbed, 1, problems);
    if (steps == null) {
      problems.report(
          path + ".steps", "'" + path + ".steps' is missing: a script needs at least one step");
    }
    List<ScriptStep> script = ScriptSetup.steps(steps, path + ".steps", hostNames, problems);
    if (problems.count() > before || settings == null) {
      return null;
    }
    if (script.isEmpty()) {
      problems.report(path + ".steps", "'" + path + ".steps' needs at least one step");
      return null;
    }
    ScriptLayout layout = ScriptLayout.of(script);
    Set<String> ids = new HashSet<>();
    for (Metric metric : layout.metrics()) {
      if (!ids.add(metric.id())) {
        problems.report(
            path + ".steps",
            "two objects of the script share the metric name '"
                + metric.id()
                + "': name them apart by more than case, '-' and '_'");
        return null;
      }
    }
    return new NdkScriptPlan(settings, script, layout);
  }
}
