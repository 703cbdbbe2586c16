package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation lets through exactly the machines a switch buffer keeps lossless: at the largest count
 * it accepts, every client WRITing into the server at once (a full incast) loses no packet, and one
 * client more is refused. A 96 KiB buffer holds five EDR machines' PFC shares (19179 B each: XOFF
 * of one 4138 B frame, a frame crossing it and 10903 B of headroom), so the incast is small enough
 * to simulate in a test.
 */
class LosslessSwitchBoundaryTest {
  private static String incast(int clients, String switchBuffer) {
    return String.join(
        "\n",
        "name: incast",
        "topology: {shape: switch, clients: " + clients + ", switchBuffer: " + switchBuffer + "}",
        "run: {replications: 1}",
        "workload:",
        "  kind: bandwidth",
        "  operations: [write]",
        "  sizes: [64KiB]",
        "  iterations: 300",
        "  warmUpIterations: 0",
        "  window: 128",
        "");
  }

  @TempDir Path dir;

  @Test
  void whenTheLargestAcceptedClientCountAllWriteToTheServer_thenTheSwitchDropsNothing()
      throws Exception {
    Path study = Files.writeString(dir.resolve("incast.yaml"), incast(4, "96KiB"));
    Path out = dir.resolve("results");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    List<String> header = Arrays.asList(csv.get(0).split(","));
    int drops = header.indexOf("switch_drops");
    int gbps = header.indexOf("bw_gbps");
    assertTrue(drops >= 0 && gbps >= 0, csv.get(0));
    String[] row = csv.get(1).split(",");
    assertEquals(0.0, Double.parseDouble(row[drops]), "PFC kept the incast lossless: " + csv);
    // Four 100 Gb/s clients, 128 WRITEs in flight each, offer four times what the server's one
    // port carries: it ran full, so the switch queue was oversubscribed and had to pause them.
    assertTrue(Double.parseDouble(row[gbps]) > 95, "all clients together " + row[gbps] + " Gb/s");
  }

  @Test
  void whenOneMoreClientJoins_thenTheStudyIsRefused() throws Exception {
    Path study = Files.writeString(dir.resolve("incast.yaml"), incast(5, "96KiB"));

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("6 machines need at least 112.38 KiB"), run.err());
  }

  @Test
  void whenTheDefaultBufferIsUsed_then53ClientsAreAcceptedAnd54Refused() throws Exception {
    Path fits = Files.writeString(dir.resolve("fits.yaml"), incast(53, "1MiB"));
    Path over = Files.writeString(dir.resolve("over.yaml"), incast(54, "1MiB"));

    CommandLineRun accepted = CommandLineRun.of("validate", fits.toString());
    CommandLineRun refused = CommandLineRun.of("validate", over.toString());

    assertEquals(0, accepted.exitCode(), accepted.err());
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("1MiB keeps 54 machine(s) lossless"), refused.err());
  }
}
