package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.regex.Pattern;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * A study file as written, over the defaults: which workload to run, how long, how often, with
 * which seed, and which parameters to sweep. Values carry their units as text ({@code "1us"});
 * {@link #validate} checks and converts them all.
 *
 * @param name names the study and its results folder, {@code results/<name>/}, so it must be a
 *     plain folder name
 * @param description one line for people; echoed in the summary and the report
 * @param run run control shared by every workload
 * @param workload what is simulated; its {@code kind} key selects the record
 * @param hardware the hardware profile by name, with overrides of any of its values
 * @param topology how the machines are cabled
 * @param completion how consumers learn of completions: polling or interrupts
 * @param provider the simulated NDK provider's policy (workloads that run the provider)
 * @param sweep axes of a parameter sweep, each over one config path; empty for a single point
 * @param charts which charts the report draws: {@code all}, {@code none} or a list of names; read
 *     by the loader from the merged tree, as {@link ChartChoice} (like the sweep, it belongs to the
 *     study, not to any point), so it is always null here and declared for the schema
 */
public record StudyFile(
    @JsonPropertyDescription(
            "names the study and its results folder results/<name>/: letters, digits, '.', '_'"
                + " or '-'")
        String name,
    @JsonPropertyDescription("one line for people, echoed in the summary and the report")
        String description,
    @JsonPropertyDescription("seed, replications, warm-up and duration (defaults.yaml has them)")
        RunControl run,
    @JsonPropertyDescription("what is simulated; 'kind' selects the workload") Workload workload,
    @JsonPropertyDescription(
            "hardware profile by name, and overrides of any of its values by path, with units"
                + " (RDMA workloads)")
        HardwareSection hardware,
    @JsonPropertyDescription(
            "back to back (one client, one server) or N clients and a server on a switch (RDMA"
                + " workloads)")
        TopologySection topology,
    @JsonPropertyDescription(
            "how consumers see completions: polling, or interrupts with static or adaptive"
                + " moderation (RDMA workloads)")
        CompletionSection completion,
    @JsonPropertyDescription(
            "the simulated NDK provider's policy, in the lessons' vocabulary: create and close"
                + " paths, callback costs, firmware latencies (ndk-script workloads)")
        ProviderSection provider,
    @JsonPropertyDescription(
            "axes of a parameter sweep (rnicsim sweep): each varies one config path over a list"
                + " of values or a range")
        List<SweepAxis> sweep,
    @JsonPropertyDescription(
            "which charts the report draws (PNG, SVG and in report.html): all, none, or a list of"
                + " chart names; rnicsim validate lists the names a study offers when one is"
                + " wrong. Tables and summary.json are written either way")
        Object charts) {

  /**
   * Safe as a single path segment on every file system: no separators, no leading dot, no {@code
   * ..}.
   */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Whether {@code name} may name a results folder: one plain path segment. */
  public static boolean isSafeName(String name) {
    return name != null && SAFE_NAME.matcher(name).matches() && !name.contains("..");
  }

  /**
   * Checks every value except the sweep (checked by itself, before the points are bound), reporting
   * all problems; returns the runnable plan, or null when something was reported.
   */
  public StudyPlan validate(Problems problems) {
    int before = problems.count();
    if (problems.require(name, "name") != null) {
      problems.check(
          isSafeName(name),
          "name",
          "be a plain folder name: letters, digits, '.', '_' or '-', at most 64, starting with a letter"
              + " or digit",
          "'" + name + "'");
    }
    RunPlan runPlan = problems.require(run, "run") == null ? null : run.validate(problems, "run");
    WorkloadPlan workloadPlan = null;
    if (problems.require(workload, "workload") != null) {
      refuseUnusable(problems);
      if (workload instanceof ProviderWorkload onProvider) {
        workloadPlan = onProvider.validate(problems, "workload", testbed(problems), provider);
      } else if (workload instanceof TestbedWorkload onTestbed) {
        workloadPlan = onTestbed.validate(problems, "workload", testbed(problems));
      } else {
        workloadPlan = workload.validate(problems, "workload");
      }
    }
    if (problems.count() > before) {
      return null;
    }
    return new StudyPlan(name, description == null ? "" : description, runPlan, workloadPlan);
  }

  /**
   * Refuses every key the study (or a {@code --set}) wrote in a section its workload does not read,
   * where it was written: a value nobody reads must not look as if it changed the run.
   */
  private void refuseUnusable(Problems problems) {
    for (String section : unusableSections(workload)) {
      for (String written : problems.writtenUnder(section)) {
        problems.reportKey(
            written,
            "'"
                + written
                + "' is not used by this study's workload kind: "
                + (workload instanceof ProviderWorkload
                    ? "an NDK consumer polls or arms its CQs itself; only completion.isrCost and"
                        + " completion.dpcCost apply"
                    : workload instanceof TestbedWorkload
                        ? "only ndk-script and connection-storm workloads run the NDK provider"
                        : "it runs on no modelled machines")
                + "; remove it");
      }
    }
  }

  /** The sections (or keys) a workload cannot use. */
  private static List<String> unusableSections(Workload workload) {
    if (workload instanceof ProviderWorkload) {
      return List.of("completion.mode", "completion.moderation", "completion.dim");
    }
    if (workload instanceof TestbedWorkload) {
      return List.of("provider");
    }
    return List.of("hardware", "topology", "completion", "provider");
  }

  /** The machines, validated; null after reporting what is wrong with them. */
  TestbedPlan testbed(Problems problems) {
    int before = problems.count();
    HardwareProfile profile =
        problems.require(hardware, "hardware") == null
            ? null
            : hardware.validate(problems, "hardware");
    TopologyPlan topologyPlan =
        problems.require(topology, "topology") == null
            ? null
            : topology.validate(problems, "topology", profile == null ? null : profile.port());
    CompletionPlan completionPlan =
        problems.require(completion, "completion") == null
            ? null
            : completion.validate(problems, "completion");
    if (problems.count() > before) {
      return null;
    }
    return new TestbedPlan(profile, topologyPlan, completionPlan);
  }
}
