package org.rnicsim.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.run.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnicsim run FILE [--out DIR]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a study file and write its results: summary.json, a CSV table and charts (PNG and SVG).",
      "The file is checked completely before anything runs; every problem is reported with file, line and"
          + " key path, and nothing is written."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:results written", "1:internal failure", "2:bad study file or arguments"})
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "the study file: .yaml, .yml or .json (see configs/quickstart.yaml)")
  Path studyFile;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = {
        "results folder (default: results/<study name>/ under the current folder).",
        "Written under a temporary name and renamed when complete; replaces a previous result there."
      })
  Path out;

  @Override
  public Integer call() throws Exception {
    new StudyRunner().run(studyFile, studyFile.toString(), out, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
