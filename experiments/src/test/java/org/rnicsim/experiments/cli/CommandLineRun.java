package org.rnicsim.experiments.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line, with what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

  static CommandLineRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = RnicsimCommand.execute(args, outStream, errStream);
    }
    return new CommandLineRun(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a user sees when there is a stack trace: frames, or an exception class name. */
  boolean showsStackTrace() {
    return err.contains("\tat ") || err.contains("Exception") || out.contains("\tat ");
  }
}
