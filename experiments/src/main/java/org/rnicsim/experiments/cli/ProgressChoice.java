package org.rnicsim.experiments.cli;

import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.progress.TerminalProgress;
import picocli.CommandLine.Model.CommandSpec;

/** Shows a progress bar only to a person: not with --quiet, not into a pipe or a log file. */
final class ProgressChoice {
  private ProgressChoice() {}

  static Progress forCommand(boolean quiet, CommandSpec spec) {
    if (quiet || !TerminalProgress.stderrIsTerminal()) {
      return Progress.SILENT;
    }
    return new TerminalProgress(spec.commandLine().getErr());
  }
}
