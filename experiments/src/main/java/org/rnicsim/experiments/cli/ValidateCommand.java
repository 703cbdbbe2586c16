package org.rnicsim.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.DefaultsCheck;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnicsim validate FILE...}: every check {@code sweep} makes, without running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check study files completely without running them: syntax, keys, types, units, ranges and"
          + " every point of the sweep. Reports every problem of every file, each with file, line,"
          + " column and key path; writes nothing. A file named defaults.yaml is checked as a"
          + " defaults file: every workload kind must be valid on it alone."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid", "2:at least one file has a problem"})
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "study files to check")
  List<Path> files;

  @Option(
      names = {"-s", "--set"},
      paramLabel = "PATH=VALUE",
      description = "Check with this override applied to every file, as run and sweep would.")
  List<String> settings = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StudyRunner runner = new StudyRunner();
    StudyRunner.Options options =
        new StudyRunner.Options(List.copyOf(settings), null, 1, StudyLoader.Expansion.SWEEP);
    int bad = 0;
    for (Path file : files) {
      try {
        if (DefaultsCheck.isDefaultsFile(file)) {
          DefaultsCheck.check(file, file.toString(), WorkloadKinds.all());
          out.printf(
              Locale.ROOT,
              "%s: ok: defaults file; a study naming only its workload kind is valid for every"
                  + " kind%n",
              file);
          continue;
        }
        Study study = runner.validate(file, file.toString(), options);
        out.printf(
            Locale.ROOT,
            "%s: ok: study '%s', %d point(s), %d job(s)%n",
            file,
            study.name(),
            study.points().size(),
            study.jobCount());
      } catch (StudyRejectedException rejected) {
        bad++;
        for (ConfigProblem problem : rejected.problems()) {
          err.println(problem.render());
        }
        int count = rejected.problems().size();
        err.printf(Locale.ROOT, "%s: %d %s%n", file, count, count == 1 ? "problem" : "problems");
      }
    }
    out.flush();
    if (bad > 0) {
      err.printf(Locale.ROOT, "rnicsim: %d of %d file(s) have problems%n", bad, files.size());
    }
    err.flush();
    return bad > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
