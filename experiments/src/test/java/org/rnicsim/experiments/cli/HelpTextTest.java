package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written. A lone {@code %} in a description (say "25 %)") makes
 * picocli print a warning over the help and show the text unformatted; {@code %%} is right.
 */
class HelpTextTest {
  private static List<String> commandPaths(CommandLine command, String prefix) {
    List<String> paths = new ArrayList<>();
    for (var entry : command.getSubcommands().entrySet()) {
      String path = (prefix + " " + entry.getKey()).trim();
      paths.add(path);
      paths.addAll(commandPaths(entry.getValue(), path));
    }
    return paths;
  }

  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    List<String> paths = commandPaths(new CommandLine(new RnicsimCommand()), "");
    assertFalse(paths.isEmpty());
    for (String path : paths) {
      List<String> args = new ArrayList<>(List.of(path.split(" ")));
      args.add("--help");
      // picocli warns on the process's standard error, not on the command line's own stream.
      ByteArrayOutputStream trace = new ByteArrayOutputStream();
      PrintStream processErr = System.err;
      CommandLineRun run;
      try (PrintStream capture = new PrintStream(trace, true, StandardCharsets.UTF_8)) {
        System.setErr(capture);
        run = CommandLineRun.of(args.toArray(String[]::new));
      } finally {
        System.setErr(processErr);
      }
      String warnings = trace.toString(StandardCharsets.UTF_8);
      assertEquals(0, run.exitCode(), path + ": " + run.err());
      assertTrue(run.out().contains("Usage: rnicsim " + path), path + ": " + run.out());
      assertFalse(warnings.contains("picocli WARN"), path + " --help warned: " + warnings);
    }
  }
}
