package org.rnicsim.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.cluster.ClusterExecutor;
import org.rnicsim.experiments.cluster.ClusterOptions;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.sweep.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnicsim sweep FILE}: every point of the study's grid, times its replications. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run every point of a study's sweep (the grid of its 'sweep:' axes) times its replications, in"
          + " parallel, and write one result file per job under DIR/jobs/ and the combined results:"
          + " summary.json, results.csv, a chart per metric against the first swept parameter (PNG"
          + " and SVG) and report.html.",
      "Rerun after a kill, it runs only the jobs whose result file is missing.",
      "Every point is checked before anything runs; a bad value names the file, line and key path."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal failure", "2:bad study file or arguments"})
final class SweepCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "the study file: .yaml, .yml or .json")
  Path studyFile;

  @Mixin StudyOptions options;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = {
        "Run only the jobs whose index in grid order modulo N is I (0 <= I < N), for a batch"
            + " scheduler's job array; every shard writes into the same --out folder.",
        "A final run without --shard combines them, running any job still missing."
      })
  String shard;

  @Option(
      names = "--cluster",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = {
        "Run the jobs on a cluster: this process joins the members listed (started with 'rnicsim"
            + " worker --cluster ...') as a member too, hands out the jobs and writes the results"
            + " here, byte for byte as a local run. A member that dies loses nothing.",
      })
  String cluster;

  @Option(
      names = "--port",
      paramLabel = "P",
      description =
          "With --cluster: the lobby port this member listens on (default: ${DEFAULT-VALUE});"
              + " the study's own cluster takes the next free of the "
              + ClusterOptions.STUDY_PORTS
              + " ports after it.")
  int port = ClusterOptions.DEFAULT_PORT;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Shard chosen = null;
    if (shard != null) {
      try {
        chosen = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    StudyRunner.ExecutorChoice executors =
        cluster == null
            ? StudyRunner.ExecutorChoice.LOCAL
            : ClusterExecutor.choice(
                ClusterArguments.members(cluster, port, spec), port, spec.commandLine().getErr());
    return options.runStudy(studyFile, StudyLoader.Expansion.SWEEP, chosen, executors);
  }
}
