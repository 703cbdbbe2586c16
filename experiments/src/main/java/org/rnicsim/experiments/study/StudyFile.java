package org.rnicsim.experiments.study;

import java.util.regex.Pattern;

/**
 * A study file as written: which workload to run, how long, how often, with which seed. Values
 * carry their units as text ({@code "1us"}); {@link #validate} checks and converts them all.
 *
 * @param name names the study and its default results folder, so it must be a plain folder name
 * @param description one line for people; echoed in the summary
 * @param run run control shared by every workload
 * @param workload what is simulated; its {@code kind} key selects the record
 */
public record StudyFile(String name, String description, RunControl run, Workload workload) {

  /**
   * Safe as a single path segment on every file system: no separators, no leading dot, no {@code
   * ..}.
   */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * Checks every value, reporting all problems at once; returns the runnable plan when there were
   * none.
   */
  public StudyPlan validate(Problems problems) {
    if (problems.require(name, "name") != null) {
      problems.check(
          SAFE_NAME.matcher(name).matches() && !name.contains(".."),
          "name",
          "be a plain folder name: letters, digits, '.', '_' or '-', at most 64, starting with a letter"
              + " or digit",
          "'" + name + "'");
    }
    RunPlan runPlan = problems.require(run, "run") == null ? null : run.validate(problems, "run");
    WorkloadPlan workloadPlan =
        problems.require(workload, "workload") == null
            ? null
            : workload.validate(problems, "workload");
    problems.throwIfAny();
    return new StudyPlan(name, description == null ? "" : description, runPlan, workloadPlan);
  }
}
