package org.rnicsim.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rnicsim run FILE}: the study as one point, without its sweep. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a study file as one point (its sweep, if any, is left out; see 'sweep') and write its"
          + " results: summary.json, results.csv, charts (PNG and SVG) and report.html.",
      "The file is checked completely before anything runs; every problem is reported with file, line"
          + " and key path, and nothing is written."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal failure", "2:bad study file or arguments"})
final class RunCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "the study file: .yaml, .yml or .json (see configs/quickstart.yaml)")
  Path studyFile;

  @Mixin StudyOptions options;

  @Override
  public Integer call() throws Exception {
    return options.runStudy(studyFile, StudyLoader.Expansion.ONE_POINT);
  }
}
