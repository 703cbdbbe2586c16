package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RDMA study is a pure function of its file: random arrivals, interrupts with adaptive
 * moderation, a switch and several clients still give byte-identical files on a rerun, whether the
 * jobs ran on one thread or several; another seed gives other numbers.
 */
class RdmaRerunTest {
  static final String RANDOM_STUDY =
      String.join(
          "\n",
          "name: rerun",
          "topology: {shape: switch, clients: 3}",
          "completion: {mode: adaptive}",
          "run:",
          "  seed: 11",
          "  replications: 2",
          "  warmUp: 50us",
          "  duration: 300us",
          "workload:",
          "  kind: open-loop",
          "  operations: [write, send]",
          "  sizes: [64B, 8KiB]",
          "  rate: 300Kops/s",
          "  qps: 4",
          "  p99Target: 10us",
          "sweep:",
          "  - path: hardware.pcie",
          "    values: [{lanes: 8}, {lanes: 16}]",
          "");

  @TempDir Path dir;

  @Test
  void whenAnOpenLoopRdmaSweepRunsTwice_thenEveryResultFileIsByteIdentical() throws Exception {
    Path study = Files.writeString(dir.resolve("rerun.yaml"), RANDOM_STUDY);
    SweptTwice swept = SweptTwice.of(study, dir);
    assertTrue(
        swept.files().contains(swept.first().resolve("in-flight-over-time.png")),
        swept.files().toString());
    assertTrue(
        swept.files().contains(swept.first().resolve("p99-vs-hardware-pcie.svg")),
        swept.files().toString());
    assertEquals(
        swept.one().out(),
        swept.two().out().replace(swept.second().toString(), swept.first().toString()));
  }

  @Test
  void whenTheSeedChanges_thenTheMeasurementsChange() throws Exception {
    Path study = Files.writeString(dir.resolve("rerun.yaml"), RANDOM_STUDY);
    Path first = dir.resolve("seed11");
    Path second = dir.resolve("seed12");

    assertEquals(
        0, CommandLineRun.of("run", study.toString(), "--out", first.toString()).exitCode());
    assertEquals(
        0,
        CommandLineRun.of(
                "run", study.toString(), "--out", second.toString(), "--set", "run.seed=12")
            .exitCode());

    assertNotEquals(
        Files.readString(first.resolve("results.csv")),
        Files.readString(second.resolve("results.csv")));
  }
}
