package org.rnicsim.experiments.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code rnicsim bench ...} in the test's JVM, its output and errors into writers. */
final class BenchCli {

  private BenchCli() {}

  /** Runs {@code rnicsim bench} with {@code args}; returns the exit code. */
  static int execute(StringWriter out, StringWriter err, String... args) {
    CommandLine command = new CommandLine(new BenchCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }
}
