package org.rnicsim.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.sweep.Shard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code run} and {@code sweep} share, so both read a study the same way. */
final class StudyOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-s", "--set"},
      paramLabel = "PATH=VALUE",
      description = {
        "Override one value of the study, over the file and the defaults (repeatable):",
        "  --set run.replications=20 --set 'workload.loads=[0.5,0.7]'"
      })
  List<String> settings = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = {
        "Results folder (default: results/<study name>/ under the current folder).",
        "Finished jobs are kept in DIR/jobs/, so a rerun after a kill runs only what is missing;"
            + " the combined results replace the previous ones when complete."
      })
  Path out;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Jobs run at once (default: all local cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar (there is none either when stderr is not a terminal).")
  boolean quiet;

  /**
   * Runs {@code studyFile} with these options, points chosen by {@code expansion}, printing to the
   * command's output.
   */
  int runStudy(Path studyFile, StudyLoader.Expansion expansion) throws Exception {
    return runStudy(studyFile, expansion, null, StudyRunner.ExecutorChoice.LOCAL);
  }

  /** As above, running only {@code shard}'s jobs (all when null) where {@code executors} say. */
  int runStudy(
      Path studyFile,
      StudyLoader.Expansion expansion,
      Shard shard,
      StudyRunner.ExecutorChoice executors)
      throws Exception {
    try (Progress progress = ProgressChoice.forCommand(quiet, spec)) {
      new StudyRunner()
          .run(
              studyFile,
              studyFile.toString(),
              toOptions(expansion, shard, executors),
              spec.commandLine().getOut(),
              progress);
    }
    return ExitCodes.OK;
  }

  private StudyRunner.Options toOptions(
      StudyLoader.Expansion expansion, Shard shard, StudyRunner.ExecutorChoice executors) {
    if (jobs < 1) {
      throw new ParameterException(
          spec.commandLine(), "--jobs must be at least 1 (got " + jobs + ")");
    }
    return new StudyRunner.Options(List.copyOf(settings), out, jobs, expansion, shard, executors);
  }
}
