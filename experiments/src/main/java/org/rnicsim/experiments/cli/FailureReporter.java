package org.rnicsim.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.cluster.ClusterException;
import org.rnicsim.experiments.output.OutputFolderException;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.consumer.ScriptException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Decides what a failure looks like to the user. Bad input gets a located message and exit code 2,
 * never a stack trace; an I/O failure gets its message and exit code 1; anything else is a bug and
 * gets the stack trace a bug report needs.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    try {
      return report(e, err);
    } finally {
      err.flush();
    }
  }

  private static int report(Exception e, PrintWriter err) {
    if (e instanceof StudyRejectedException rejected) {
      List<ConfigProblem> problems = rejected.problems();
      problems.forEach(problem -> err.println(problem.render()));
      err.println(
          "rnicsim: "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + " in the study file; nothing was run");
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof ScriptException || e instanceof NdkMisuseException) {
      // A script that waits for what never comes, or closes an adapter it left objects under, or
      // a consumer breaking one of its rules (docs/ndk-consumer-rules.md): the steps are wrong.
      err.println(e.getMessage());
      err.println("rnicsim: the script cannot go on; no results were written");
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof OutputFolderException) {
      err.println("rnicsim: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof ClusterException) {
      err.println("rnicsim: cluster: " + e.getMessage());
      return ExitCodes.INTERNAL_FAILURE;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("rnicsim: cannot write results: " + e.getMessage());
      return ExitCodes.INTERNAL_FAILURE;
    }
    err.println("rnicsim: internal error (a bug; please report it with the study file): " + e);
    e.printStackTrace(err);
    return ExitCodes.INTERNAL_FAILURE;
  }
}
