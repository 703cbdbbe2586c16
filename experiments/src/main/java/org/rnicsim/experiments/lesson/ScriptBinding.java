package org.rnicsim.experiments.lesson;

import java.util.LinkedHashSet;
import java.util.List;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;
import tools.jackson.databind.JsonNode;

/**
 * The lessons' script vocabulary for study files: a study's {@code provider:} section and an {@code
 * ndk-script} workload's {@code hosts:} and {@code steps:} are read by the same binders as a
 * lesson's, word for word, and report their problems into the study's {@link Problems}, located at
 * file, line and column like every other value of the study.
 */
public final class ScriptBinding {
  private ScriptBinding() {}

  /** The host names at {@code path}; one host, "host", when absent. */
  public static List<String> hosts(JsonNode node, String path, Problems problems) {
    return new SettingsBinder(new LessonTree(problems)).hosts(node, path);
  }

  /**
   * The study's top-level {@code provider:} section as the settings a script on {@code hosts}
   * (written at {@code hostsPath}) runs under on {@code testbed}, with seed {@code seed}: the same
   * keys as a lesson's {@code provider:} (create, close, callbackCosts, postCost, dpcCost,
   * cmMadCost, batchDeferredDoorbells, firmwareJitter, variant). Null when {@code testbed} is, or
   * after reporting that the hosts do not fit on it.
   */
  public static ScriptSettings provider(
      JsonNode provider,
      List<String> hosts,
      String hostsPath,
      TestbedPlan testbed,
      long seed,
      Problems problems) {
    return new SettingsBinder(new LessonTree(problems))
        .settings(hosts, hostsPath, provider, seed, testbed);
  }

  /** The steps at {@code path}, checked in order as a lesson's are: every name used is declared. */
  public static List<ScriptStep> steps(
      JsonNode steps, String path, List<String> hosts, Problems problems) {
    LessonTree tree = new LessonTree(problems);
    if (steps == null || steps.isNull()) {
      tree.problem(path, "'" + path + "' is missing: a script needs at least one step");
      return List.of();
    }
    return new StepBinder(tree, new LinkedHashSet<>(hosts)).steps(steps, path, false);
  }
}
