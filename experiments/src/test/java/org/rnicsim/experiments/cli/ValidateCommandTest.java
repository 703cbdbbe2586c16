package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final Path CONFIGS = Path.of("../configs");

  @TempDir Path dir;

  @Test
  void whenSeveralFilesAreBad_thenEveryProblemOfEveryFileIsReportedAndNothingRuns()
      throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), RunCommandTest.TINY_STUDY);
    Path first =
        Files.writeString(
            dir.resolve("first.yaml"),
            RunCommandTest.TINY_STUDY
                .replace("replications: 3", "replications: 0")
                .replace("2ms", "2 lightyears"));
    Path second =
        Files.writeString(
            dir.resolve("second.json"), "{\"name\": \"x\", \"workload\": {\"kind\": \"mm2\"}}");

    CommandLineRun run =
        CommandLineRun.of("validate", first.toString(), good.toString(), second.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.out().contains(good + ": ok: study 'tiny', 1 point(s), 6 job(s)"), run.out());
    assertTrue(run.err().contains(first + ":4:17: 'run.replications' must be between"), run.err());
    assertTrue(run.err().contains(first + ":6:13: bad duration at 'run.duration'"), run.err());
    assertTrue(run.err().contains(first + ": 2 problems"), run.err());
    assertTrue(run.err().contains(second + ":1:36: unknown kind 'mm2'"), run.err());
    assertTrue(run.err().contains("2 of 3 file(s) have problems"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertEquals(List.of("first.yaml", "good.yaml", "second.json"), RunCommandTest.listing(dir));
  }

  @Test
  void whenEveryShippedExampleIsValidated_thenAllAreValidAndCarryTheSchemaLine() throws Exception {
    List<String> examples = examples();
    assertTrue(examples.size() >= 2, examples.toString());

    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(examples);
    CommandLineRun run = CommandLineRun.of(args.toArray(new String[0]));

    assertEquals(0, run.exitCode(), run.err());
    for (String example : examples) {
      assertTrue(
          Files.readString(Path.of(example))
              .startsWith("# yaml-language-server: $schema=schema/rnicsim.schema.json\n"),
          example + " lacks the schema line editors complete from");
    }
  }

  @Test
  void whenSetIsGiven_thenValidateChecksWithIt() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), RunCommandTest.TINY_STUDY);

    CommandLineRun run =
        CommandLineRun.of("validate", good.toString(), "--set", "workload.loads=[0.5, 2]");

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err()
            .contains(
                "--set workload.loads=[0.5, 2]: 'workload.loads[1]' must be in (0, 1) (got 2.0)"),
        run.err());
  }

  /** Every study in configs/: the defaults file is not a study, profiles are not studies. */
  static List<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(CONFIGS)) {
      return files
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".json"))
          .filter(file -> !file.getFileName().toString().equals("defaults.yaml"))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }
}
