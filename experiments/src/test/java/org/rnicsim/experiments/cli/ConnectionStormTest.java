package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kind: connection-storm}: N connected QP pairs opened at once through the NDK provider,
 * with the lifetime verifier on. Small storms, so the firmware's effect is seen in seconds.
 */
@Timeout(300)
class ConnectionStormTest {
  @TempDir Path dir;

  private Path study(String name, String workload, String... extra) throws Exception {
    String text =
        "name: "
            + name
            + "\nrun:\n  replications: 2\nworkload:\n  kind: connection-storm\n"
            + workload
            + String.join("", extra);
    return Files.writeString(dir.resolve(name + ".yaml"), text);
  }

  private ResultsCsv sweep(Path study, String... settings) throws Exception {
    Path out = dir.resolve(study.getFileName().toString().replace(".yaml", ""));
    List<String> args = new ArrayList<>(List.of("sweep", study.toString(), "--quiet"));
    args.addAll(List.of("--out", out.toString()));
    for (String setting : settings) {
      args.addAll(List.of("--set", setting));
    }
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return ResultsCsv.read(out.resolve("results.csv"));
  }

  @Test
  void moreConnectionsTakeLongerToEstablishAndTearDown_withNoVerifierViolation() throws Exception {
    Path study =
        study("grow", "  pairs: 1\n", "sweep:\n  - path: workload.pairs\n    values: [1, 5, 20]\n");
    ResultsCsv results = sweep(study);

    double previousEstablish = 0;
    double previousTeardown = 0;
    for (String pairs : List.of("1", "5", "20")) {
      double establish = results.number("establish_ms", "workload.pairs", pairs);
      double teardown = results.number("teardown_ms", "workload.pairs", pairs);
      assertTrue(establish > previousEstablish, pairs + " pairs: " + establish + " ms");
      assertTrue(teardown > previousTeardown, pairs + " pairs: teardown " + teardown + " ms");
      assertTrue(
          results.number("setup_p99_ms", "workload.pairs", pairs) <= establish,
          "no pair takes longer than the whole storm");
      assertEquals(0, results.number("violations", "workload.pairs", pairs), pairs + " pairs");
      previousEstablish = establish;
      previousTeardown = teardown;
    }
  }

  @Test
  void aSlowerCreateQpFirmwareCommandMakesTheStormSlower() throws Exception {
    Path study = study("firmware", "  pairs: 10\n");
    String noJitter = "provider.firmwareJitter=0%";
    double asProfiled = establishMs(sweep(study, noJitter));
    double slow = establishMs(sweep(slowStudy(), noJitter, "hardware.firmware.createQp=100us"));

    // Each adapter runs one command at a time, so every pair's CREATE_QP adds its 50 us more.
    assertEquals(10 * 0.050, slow - asProfiled, 0.1 * 10 * 0.050);
  }

  private Path slowStudy() throws Exception {
    return study("firmware-slow", "  pairs: 10\n");
  }

  private static double establishMs(ResultsCsv results) {
    return Double.parseDouble(results.rows().get(0).get("establish_ms"));
  }

  @Test
  void whenPairsIsNotPositive_thenRefusedWhereItIsWritten() throws Exception {
    Path study = study("zero", "  pairs: 0\n");

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains(study + ":6:10: 'workload.pairs' must be between 1 and 10000"),
        run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  @Test
  void whenPairsExceedTheAdaptersQps_thenRefusedWithTheLimit() throws Exception {
    Path study = study("many", "  pairs: 5000\n", "hardware:\n  limits:\n    maxQps: 4096\n");

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err()
            .contains(
                study
                    + ":6:10: 'workload.pairs' must be at most the adapter's 4096 QPs"
                    + " (hardware.limits.maxQps) (got 5000)"),
        run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }
}
