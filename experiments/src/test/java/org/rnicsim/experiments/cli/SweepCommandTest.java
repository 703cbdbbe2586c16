package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SweepCommandTest {
  /** Two service times x two loads x three replications = 12 jobs of a few milliseconds. */
  static final String SMALL_SWEEP =
      String.join(
          "\n",
          "name: small-sweep",
          "run:",
          "  seed: 5",
          "  replications: 3",
          "  warmUp: 100us",
          "  duration: 2ms",
          "workload:",
          "  kind: mm1",
          "  loads: [0.4, 0.8]",
          "sweep:",
          "  - path: workload.meanServiceTime",
          "    values: [1us, 2us]",
          "");

  static final List<String> COMBINED_FILES =
      List.of(
          "summary.json",
          "results.csv",
          "results-long.csv",
          "mean-wait-ns-vs-workload-meanservicetime.png",
          "mean-wait-ns-vs-workload-meanservicetime.svg",
          "report.html");

  @TempDir Path dir;

  @Test
  void whenSweepRuns_thenOneFilePerJobAndEveryPointHasMeanAndInterval() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SMALL_SWEEP);
    Path out = dir.resolve("out");

    CommandLineRun run = CommandLineRun.of("sweep", study.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
    assertEquals(12, RunCommandTest.listing(out.resolve("jobs")).size());
    for (String file : COMBINED_FILES) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, csv.size(), "header and one row per (service time, load)");
    assertTrue(
        csv.get(0).startsWith("point,workload.meanServiceTime_ps,load,replications,"), csv.get(0));
    assertTrue(csv.get(4).startsWith("1,2000000,0.8,3,"), csv.get(4));
    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertEquals(12, summary.get("jobs").asInt());
    assertEquals("workload.meanServiceTime", summary.get("sweep").get(0).get("path").asString());
    for (JsonNode row : summary.get("results")) {
      JsonNode wait = row.get("mean_wait_ns");
      assertEquals(3, wait.get("samples").asInt());
      assertTrue(wait.get("ciLow").asDouble() < wait.get("ciHigh").asDouble(), row.toString());
    }
  }

  @Test
  void whenRunOnOneThreadAndOnTwo_thenCombinedResultsAreByteIdentical() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SMALL_SWEEP);
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");

    assertEquals(
        0,
        CommandLineRun.of("sweep", study.toString(), "--out", one.toString(), "--jobs", "1")
            .exitCode());
    assertEquals(
        0,
        CommandLineRun.of("sweep", study.toString(), "--out", two.toString(), "--jobs", "2")
            .exitCode());

    assertSameFiles(one, two, COMBINED_FILES);
  }

  @Test
  void whenStudyChangesBetweenRuns_thenJobsOfTheOldStudyAreNotReused() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SMALL_SWEEP);
    Path out = dir.resolve("out");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", out.toString()).exitCode());

    CommandLineRun same = CommandLineRun.of("sweep", study.toString(), "--out", out.toString());
    CommandLineRun changed =
        CommandLineRun.of(
            "sweep", study.toString(), "--out", out.toString(), "--set", "run.seed=6");

    assertTrue(same.out().contains("resumed: 12 of 12 jobs were already done; ran 0"), same.out());
    assertFalse(changed.out().contains("resumed"), changed.out());
  }

  @Test
  void whenSweepShrinks_thenJobFilesOfDroppedPointsAreRemoved() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SMALL_SWEEP);
    Path out = dir.resolve("out");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", out.toString()).exitCode());

    CommandLineRun smaller =
        CommandLineRun.of(
            "sweep", study.toString(), "--out", out.toString(), "--set", "sweep[0].values=[1us]");

    assertEquals(0, smaller.exitCode(), smaller.err());
    assertTrue(smaller.out().contains("resumed: 6 of 6 jobs"), smaller.out());
    assertEquals(6, RunCommandTest.listing(out.resolve("jobs")).size());
  }

  /** Both folders' {@code jobs/} hold the same job files with the same bytes. */
  static void assertSameJobFiles(Path first, Path second) throws IOException {
    List<String> names = RunCommandTest.listing(first.resolve("jobs"));
    assertEquals(names, RunCommandTest.listing(second.resolve("jobs")));
    for (String name : names) {
      assertEquals(
          Files.readString(first.resolve("jobs").resolve(name)),
          Files.readString(second.resolve("jobs").resolve(name)),
          name);
    }
  }

  static void assertSameFiles(Path first, Path second, List<String> files) throws IOException {
    for (String file : files) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }
}
