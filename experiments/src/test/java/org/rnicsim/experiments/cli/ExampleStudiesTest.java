package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in configs/ is what its README line promises: valid as {@code rnicsim validate
 * configs/*.yaml} checks it, pointing editors at the schema, and described in the README.
 */
class ExampleStudiesTest {
  private static final Path CONFIGS = Path.of("../configs");
  private static final String SCHEMA_LINE =
      "# yaml-language-server: $schema=schema/rnicsim.schema.json";

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.list(CONFIGS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void whenEveryFileInConfigsIsValidated_thenAllAreValidAndExitZero() throws Exception {
    List<String> args = new ArrayList<>();
    args.add("validate");
    yamlFiles().forEach(file -> args.add(file.toString()));

    CommandLineRun run = CommandLineRun.of(args.toArray(new String[0]));

    assertEquals(0, run.exitCode(), run.err());
    for (Path file : yamlFiles()) {
      assertTrue(run.out().contains(file + ": ok"), file + " in:\n" + run.out());
    }
  }

  @Test
  void whenAnExampleStudyIsOpened_thenItsFirstLinePointsAtTheSchemaAndTheReadmeDescribesIt()
      throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    for (Path file : yamlFiles()) {
      String name = file.getFileName().toString();
      if (name.equals("defaults.yaml")) {
        continue;
      }
      assertEquals(SCHEMA_LINE, Files.readAllLines(file).get(0), name);
      assertTrue(readme.contains("configs/" + name), "README lacks configs/" + name);
    }
  }

  @Test
  void whenTheIssueNamesAnExampleStudy_thenItExists() {
    for (String name :
        List.of(
            "quickstart",
            "latency-vs-size",
            "pcie-generations",
            "qp-scaling",
            "interrupt-moderation",
            "capacity-plan",
            "mm1-queue",
            "connection-storm")) {
      assertTrue(Files.isRegularFile(CONFIGS.resolve(name + ".yaml")), name);
    }
  }
}
