package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workload.api: ndk} for the loops that keep a window of requests in flight: played by an
 * NDK consumer through the simulated provider and the lifetime verifier, the bandwidth loop breaks
 * no lifetime rule and moves no more than the bare hardware loop, and the open loop breaks none and
 * sees each request complete no sooner, polled or interrupted.
 */
@Timeout(600)
class NdkApiWindowLoopsTest {
  private static final Path BANDWIDTH = Path.of("..", "configs", "pcie-generations.yaml");
  private static final Path OPEN_LOOP = Path.of("..", "configs", "interrupt-moderation.yaml");

  /** Measured completions per case (pcie-generations' own), and the window's two edges. */
  private static final double ITERATIONS = 2000;

  private static final double EDGE_COMPLETIONS = 2;

  @TempDir Path dir;

  private ResultsCsv run(Path study, String api, String... settings) throws Exception {
    Path out = dir.resolve(api + "-" + study.getFileName() + "-" + settings.length);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                study.toString(),
                "--out",
                out.toString(),
                "--set",
                "workload.api=" + api,
                "--set",
                "run.replications=1"));
    for (String setting : settings) {
      args.add("--set");
      args.add(setting);
    }
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return ResultsCsv.read(out.resolve("results.csv"));
  }

  /**
   * At the study's own iterations (2,000 after 200). Both loops are bound by the same post CPU per
   * request, by the adapter or by the wire; what the NDK consumer adds is the provider's post cost
   * before each doorbell, latency that a full window hides. Where the bound is not the consumer's,
   * the two differ only in where completion bursts fall against the measured window, whose edges
   * are completions: the NDK loop may gain at most one completion at each edge.
   */
  @Test
  void theNdkBandwidthLoopBreaksNoRuleAndMovesNoMoreThanTheHardwareAtEverySize() throws Exception {
    String[] settings = {
      "workload.sizes=[256B, 1KiB, 64KiB]",
      "workload.operations=[write, send, read]",
      "workload.iterations=2000",
      "workload.warmUpIterations=200"
    };
    ResultsCsv hardware = run(BANDWIDTH, "hardware", settings);
    ResultsCsv ndk = run(BANDWIDTH, "ndk", settings);

    assertFalse(hardware.rows().get(0).containsKey("violations"), "no verifier on the hardware");
    assertEquals(9, ndk.rows().size());
    for (Map<String, String> row : ndk.rows()) {
      String[] at = {"operation", row.get("operation"), "size_B", row.get("size_B")};
      String what = row.get("operation") + " " + row.get("size_B") + " B";
      assertEquals(0.0, Double.parseDouble(row.get("violations")), what + ": violations");
      double ndkGbps = Double.parseDouble(row.get("bw_gbps"));
      double hardwareGbps = hardware.number("bw_gbps", at);
      assertTrue(ndkGbps > 0, what);
      assertTrue(
          ndkGbps <= hardwareGbps * (1 + EDGE_COMPLETIONS / ITERATIONS),
          what + ": NDK " + ndkGbps + " Gb/s above the hardware's " + hardwareGbps);
    }
  }

  @Test
  void theNdkOpenLoopBreaksNoRuleAndItsLatencyIsNoLowerPolledOrInterrupted() throws Exception {
    String[][] modes = {
      {"completion.mode=polling"},
      {
        "completion.mode=interrupts",
        "completion.moderation.count=4",
        "completion.moderation.period=8us"
      }
    };
    for (String[] mode : modes) {
      List<String> settings = new ArrayList<>(List.of(mode));
      settings.add("run.duration=1ms");
      settings.add("run.warmUp=100us");
      settings.add("workload.operations=[write, send]");
      ResultsCsv hardware = run(OPEN_LOOP, "hardware", settings.toArray(String[]::new));
      ResultsCsv ndk = run(OPEN_LOOP, "ndk", settings.toArray(String[]::new));

      assertEquals(2, ndk.rows().size());
      for (Map<String, String> row : ndk.rows()) {
        String[] at = {"operation", row.get("operation")};
        String what = mode[0] + " " + row.get("operation");
        assertEquals(0.0, Double.parseDouble(row.get("violations")), what + ": violations");
        assertTrue(Double.parseDouble(row.get("iterations")) > 100, what);
        double ndkUs = Double.parseDouble(row.get("t_avg_us"));
        double hardwareUs = hardware.number("t_avg_us", at);
        assertTrue(ndkUs >= hardwareUs, what + ": NDK " + ndkUs + " us, hardware " + hardwareUs);
        if (mode[0].endsWith("interrupts")) {
          assertTrue(Double.parseDouble(row.get("interrupts_per_s")) > 0, what);
        }
      }
    }
  }

  @Test
  void manyQpsWithTheNdkConsumerAreRefusedAtTheApiValueWithItsPlace() throws Exception {
    Path study = dir.resolve("fan-out.yaml");
    Files.writeString(
        study,
        "name: fan-out\n" + "workload:\n" + "  kind: bandwidth\n" + "  qps: 4\n" + "  api: ndk\n");

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("fan-out.yaml:5:8")
            && run.err().contains("'workload.api' must be hardware with qps 4"),
        run.err());
  }
}
