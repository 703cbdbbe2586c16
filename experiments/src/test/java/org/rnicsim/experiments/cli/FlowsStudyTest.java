package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code flows} study end to end: a flow alone has slowdown 1, a broken CDF file is refused where
 * it is broken, every flow completes or fails with a counted reason, and the results are the same
 * bytes on one thread or two.
 */
class FlowsStudyTest {
  @TempDir Path dir;

  private static final String ALL_TO_ALL =
      String.join(
          "\n",
          "name: flows-rerun",
          "topology: {shape: switch, clients: 5}",
          "run: {seed: 3, replications: 2, warmUp: 100us, duration: 600us}",
          "workload:",
          "  kind: flows",
          "  sizes: fb-hadoop",
          "  pattern: all-to-all",
          "  loads: [0.3, 0.6]",
          "");

  @Test
  void whenOneFlowRunsAloneOnASwitch_thenItsSlowdownIsOneWithinOnePercent() throws Exception {
    // One sender of four machines on a switch, one flow each job; the idle FCT the slowdown
    // divides by is simulated on two machines, from the first to the second.
    assertLoneFlowsHaveSlowdownOne("topology: {shape: switch, clients: 3}");
  }

  @Test
  void whenOneFlowCrossesALeafSpineAlone_thenItsSlowdownIsOneWithinOnePercent() throws Exception {
    // Machine 1 sits on leaf 1, machine 0 on leaf 0: the flow crosses a spine, and so must the
    // idle flow it is divided by.
    assertLoneFlowsHaveSlowdownOne(
        "topology: {shape: leaf-spine, leaves: 2, spines: 2, hostsPerLeaf: 2, clients: 3}");
  }

  private void assertLoneFlowsHaveSlowdownOne(String topology) throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("alone.yaml"),
            String.join(
                "\n",
                "name: alone",
                topology,
                "run: {replications: 1, warmUp: 0us, duration: 10us}",
                "workload: {kind: flows, sizes: 1KiB, pattern: incast, senders: 1, arrivals: once}",
                "sweep:",
                "  - path: workload.sizes",
                "    values: [100B, 4KiB, 200KiB, 3MiB]",
                ""));
    Path out = dir.resolve("alone");

    CommandLineRun run = CommandLineRun.of("sweep", study.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    ResultsCsv results = ResultsCsv.read(out.resolve("results.csv"));
    assertEquals(4, results.rows().size());
    for (Map<String, String> row : results.rows()) {
      assertEquals("1", row.get("flows"), row.toString());
      assertEquals("0", row.get("flows_failed"), row.toString());
      double slowdown = Double.parseDouble(row.get("fct_slowdown_p99"));
      assertEquals(1.0, slowdown, 0.01, row.toString());
    }
  }

  @Test
  void whenTheCdfFileIsBroken_thenTheStudyIsRefusedAtItsLineAndColumnWithExitTwo()
      throws Exception {
    Files.writeString(dir.resolve("my-sizes.txt"), "# sizes\n0 0\n1000 50\n2000 x\n");
    Path study =
        Files.writeString(
            dir.resolve("bad.yaml"),
            String.join(
                "\n",
                "name: bad",
                "topology: {shape: switch, clients: 2}",
                "workload: {kind: flows, sizes: my-sizes.txt}",
                ""));
    Path out = dir.resolve("bad");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.out());
    String expected = dir.resolve("my-sizes.txt") + ":4:6:";
    assertTrue(run.err().contains(expected), run.err());
    assertTrue(run.err().contains("'x'"), run.err());
    assertTrue(!Files.exists(out.resolve("summary.json")));
  }

  @Test
  void whenTheCdfIsNeitherBuiltInNorAFile_thenTheMessageSaysWhatSizesMayBe() throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("missing.yaml"),
            "name: missing\nworkload: {kind: flows, sizes: websearch2}\n");

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode(), run.out());
    assertTrue(run.err().contains("missing.yaml:2:"), run.err());
    assertTrue(run.err().contains("websearch, fb-hadoop"), run.err());
  }

  @Test
  void whenFlowsCannotFinishBeforeTheDrainLimit_thenEachFailsWithItsReasonCounted()
      throws Exception {
    Path study = Files.writeString(dir.resolve("drain.yaml"), ALL_TO_ALL);
    Path tight = dir.resolve("tight");
    Path loose = dir.resolve("loose");

    CommandLineRun cut =
        CommandLineRun.of(
            "run",
            study.toString(),
            "--out",
            tight.toString(),
            "--set",
            "workload.drainLimit=1us",
            "--set",
            "workload.sizes=1MiB");
    CommandLineRun full = CommandLineRun.of("run", study.toString(), "--out", loose.toString());

    assertEquals(0, cut.exitCode(), cut.err());
    assertEquals(0, full.exitCode(), full.err());
    for (Map<String, String> row : ResultsCsv.read(tight.resolve("results.csv")).rows()) {
      double failed = Double.parseDouble(row.get("flows_failed"));
      assertTrue(failed > 0, row.toString());
      double byReason =
          Double.parseDouble(row.get("flows_unfinished"))
              + Double.parseDouble(row.get("flows_without_qp"))
              + Double.parseDouble(row.get("flows_write_error"));
      assertEquals(failed, byReason, 1e-9, row.toString());
    }
    for (Map<String, String> row : ResultsCsv.read(loose.resolve("results.csv")).rows()) {
      assertTrue(Double.parseDouble(row.get("flows")) > 5, row.toString());
      assertEquals("0", row.get("flows_failed"), row.toString());
    }
  }

  @Test
  void whenAFlowsStudyRunsOnOneThreadAndOnTwo_thenEveryResultFileIsByteIdentical()
      throws Exception {
    Path study = Files.writeString(dir.resolve("rerun.yaml"), ALL_TO_ALL);
    SweptTwice swept = SweptTwice.of(study, dir);
    assertTrue(
        swept.files().contains(swept.first().resolve("slowdown-by-size.svg")),
        swept.files().toString());
    assertTrue(
        swept.files().contains(swept.first().resolve("flow-rates-1.png")),
        swept.files().toString());
  }
}
