package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workload.api: ndk}: the quickstart's latency loop played by an NDK consumer through the
 * simulated provider and the lifetime verifier breaks no lifetime rule and costs the consumer at
 * least what the bare hardware loop does, at every operation and size.
 */
@Timeout(600)
class NdkApiLatencyTest {
  private static final Path QUICKSTART = Path.of("..", "configs", "quickstart.yaml");

  @TempDir Path dir;

  private List<String[]> rows(String api, List<String> header, String... more) throws Exception {
    Path out = dir.resolve(api + more.length);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                QUICKSTART.toString(),
                "--out",
                out.toString(),
                "--set",
                "workload.api=" + api,
                "--set",
                "run.replications=1",
                "--set",
                "workload.iterations=200",
                "--set",
                "workload.warmUpIterations=20"));
    for (String setting : more) {
      args.add("--set");
      args.add(setting);
    }
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    header.clear();
    header.addAll(Arrays.asList(lines.get(0).split(",")));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(","));
    }
    return rows;
  }

  @Test
  void theNdkLoopBreaksNoRuleAndItsLatencyIsNoLowerThanTheHardwaresAtEveryCase() throws Exception {
    List<String> hardwareHeader = new ArrayList<>();
    List<String> ndkHeader = new ArrayList<>();
    List<String[]> hardware = rows("hardware", hardwareHeader);
    List<String[]> ndk = rows("ndk", ndkHeader);

    assertFalse(hardwareHeader.contains("violations"), "the hardware loop has no verifier");
    int violations = ndkHeader.indexOf("violations");
    assertTrue(violations >= 0, ndkHeader.toString());
    assertEquals(12, ndk.size());
    for (int i = 0; i < ndk.size(); i++) {
      String[] row = ndk.get(i);
      String what = row[1] + " " + row[2] + " B";
      assertEquals(0.0, Double.parseDouble(row[violations]), what + ": lifetime violations");
      double ndkUs = Double.parseDouble(row[ndkHeader.indexOf("t_avg_us")]);
      double hardwareUs = Double.parseDouble(hardware.get(i)[hardwareHeader.indexOf("t_avg_us")]);
      assertTrue(
          ndkUs >= hardwareUs, what + ": NDK " + ndkUs + " us below the hardware's " + hardwareUs);
    }
  }

  @Test
  void withInterruptsTheNdkConsumerArmsItsCqAndPaysItsNotificationCallback() throws Exception {
    String[] interrupts = {"completion.mode=interrupts", "workload.operations=[send]"};
    List<String> hardwareHeader = new ArrayList<>();
    List<String> ndkHeader = new ArrayList<>();
    List<String[]> hardware = rows("hardware", hardwareHeader, interrupts);
    List<String[]> ndk = rows("ndk", ndkHeader, interrupts);

    for (int i = 0; i < ndk.size(); i++) {
      String[] row = ndk.get(i);
      String what = row[1] + " " + row[2] + " B";
      assertEquals(0.0, Double.parseDouble(row[ndkHeader.indexOf("violations")]), what);
      assertTrue(Double.parseDouble(row[ndkHeader.indexOf("interrupts_per_s")]) > 0, what);
      double ndkUs = Double.parseDouble(row[ndkHeader.indexOf("t_avg_us")]);
      double hardwareUs = Double.parseDouble(hardware.get(i)[hardwareHeader.indexOf("t_avg_us")]);
      // Each receive is found in a CQ notification callback (2 us of consumer CPU by default).
      assertTrue(ndkUs >= hardwareUs, what + ": NDK " + ndkUs + " us, hardware " + hardwareUs);
    }
  }

  @Test
  void anApiTheNdkLoopCannotRunIsRefusedAtTheValue() {
    CommandLineRun bogus =
        CommandLineRun.of("validate", QUICKSTART.toString(), "--set", "workload.api=verbs");
    CommandLineRun switched =
        CommandLineRun.of(
            "validate",
            QUICKSTART.toString(),
            "--set",
            "workload.api=ndk",
            "--set",
            "topology.shape=switch",
            "--set",
            "topology.clients=2");
    CommandLineRun leafSpine =
        CommandLineRun.of(
            "validate",
            QUICKSTART.toString(),
            "--set",
            "workload.api=ndk",
            "--set",
            "topology.shape=leaf-spine",
            "--set",
            "topology.leaves=2",
            "--set",
            "topology.spines=1",
            "--set",
            "topology.hostsPerLeaf=1",
            "--set",
            "topology.clients=1");

    assertEquals(2, bogus.exitCode(), bogus.err());
    assertTrue(bogus.err().contains("'workload.api' must be hardware or ndk"), bogus.err());
    assertEquals(2, switched.exitCode(), switched.err());
    assertTrue(
        switched.err().contains("'workload.api' must be hardware on a switch"), switched.err());
    // The refusal names the shape the study asked for.
    assertEquals(2, leafSpine.exitCode(), leafSpine.err());
    assertTrue(
        leafSpine.err().contains("'workload.api' must be hardware on a leaf-spine"),
        leafSpine.err());
  }
}
