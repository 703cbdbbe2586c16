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
 * {@code topology.shape: leaf-spine} in a study: the client/server workloads run on it where they
 * run on a switch (the keys it refuses are in {@link BadRdmaStudyTest}'s corpus).
 */
class LeafSpineStudyTest {
  /** Three clients WRITE into the server on a 2-leaf, 2-spine fabric; lines are 1-based. */
  private static final String INCAST =
      String.join(
          "\n",
          "name: leaf-spine-incast",
          "topology:",
          "  shape: leaf-spine",
          "  clients: 3",
          "  leaves: 2",
          "  spines: 2",
          "  hostsPerLeaf: 2",
          "  spineLinkRate: 100Gbps",
          "  spineLinkDelay: 500ns",
          "run: {replications: 1}",
          "workload:",
          "  kind: bandwidth",
          "  operations: [write]",
          "  sizes: [64KiB]",
          "  iterations: 300",
          "  warmUpIterations: 0",
          "");

  @TempDir Path dir;

  @Test
  void threeClientsOnTwoLeavesFillTheServersLinkWithoutADrop() throws Exception {
    Path study = Files.writeString(dir.resolve("incast.yaml"), INCAST);
    Path out = dir.resolve("results");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("on a leaf-spine (2 leaves, 2 spines"), run.out());
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    List<String> header = Arrays.asList(csv.get(0).split(","));
    String[] row = csv.get(1).split(",");
    assertEquals(0.0, Double.parseDouble(row[header.indexOf("switch_drops")]), "PFC: " + csv);
    double gbps = Double.parseDouble(row[header.indexOf("bw_gbps")]);
    // Three EDR clients, two across the spines, offer three times the server's one port.
    assertTrue(gbps > 95 && gbps < 100, "all clients together " + gbps + " Gb/s");
  }
}
