package org.rnicsim.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.rnicsim.experiments.BuildInfo;
import org.rnicsim.experiments.output.StagedDirectory;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyOutcome;
import org.rnicsim.experiments.study.StudyPlan;

/**
 * Loads, validates and runs one study file and writes its results folder. Everything that can be
 * checked is checked before the first simulated event, and nothing touches the disk before
 * validation has passed, so bad input leaves no trace.
 */
public final class StudyRunner {
  /** Where results go when the command line does not say. */
  public static final Path DEFAULT_RESULTS = Path.of("results");

  private final StudyLoader loader = new StudyLoader(WorkloadKinds.all());

  /** Loads and validates without running: the plan, or a {@code StudyRejectedException}. */
  public StudyPlan validate(Path file, String displayName) {
    return loader.load(file, displayName);
  }

  /**
   * Runs {@code file} and writes its results.
   *
   * @param outOverride the results folder from the command line, or null for {@code results/<study
   *     name>}; a study file cannot choose where its results go
   * @param out where the summary table goes
   * @return the results folder
   */
  public Path run(Path file, String displayName, Path outOverride, PrintWriter out)
      throws IOException {
    StudyPlan plan = validate(file, displayName);
    // The name passed the folder-name check in validation, so this stays inside results/.
    Path target = outOverride != null ? outOverride : DEFAULT_RESULTS.resolve(plan.name());
    StagedDirectory.checkUsable(target);
    StudyOutcome outcome = plan.workload().run(plan);
    try (StagedDirectory staged = StagedDirectory.create(target)) {
      outcome.writeFiles(staged.path(), BuildInfo.version());
      staged.commit();
    }
    outcome.printSummary(out);
    out.println("results: " + target);
    out.flush();
    return target;
  }
}
