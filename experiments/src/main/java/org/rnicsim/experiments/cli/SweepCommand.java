package org.rnicsim.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

  @Override
  public Integer call() throws Exception {
    return options.runStudy(studyFile, StudyLoader.Expansion.SWEEP);
  }
}
