package org.rnicsim.experiments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.rnicsim.experiments.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnicsim}: the entry point of the command line. */
@Command(
    name = "rnicsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "A discrete-event simulator of RDMA NIC hardware with a simulated NDK provider.",
      "Studies are YAML or JSON files; results are summaries, tables and charts."
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Start with: rnicsim run configs/quickstart.yaml",
      "Then: rnicsim sweep configs/sweep-example.yaml"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal failure", "2:bad input (study file or arguments)"},
    // One line per command: add a command's class here and it gets parsing, help and exit codes.
    subcommands = {
      RunCommand.class,
      SweepCommand.class,
      WorkerCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      CalibrateCommand.class,
      BenchCommand.class,
      org.rnicsim.experiments.lesson.LessonCommand.class,
      org.rnicsim.experiments.lesson.ExerciseCommand.class,
      HelpCommand.class,
    })
public final class RnicsimCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /**
   * Runs the command line as {@code main} does, but returns the exit code and writes to the given
   * streams, so that tests and other programs can call it.
   */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    // Charts are drawn off screen; without this a machine with no display fails on the first font
    // lookup.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine commandLine =
        new CommandLine(new RnicsimCommand())
            .setOut(outWriter)
            .setErr(errWriter)
            .setExecutionExceptionHandler(new FailureReporter());
    int exitCode = commandLine.execute(args);
    outWriter.flush();
    errWriter.flush();
    return exitCode;
  }
}
