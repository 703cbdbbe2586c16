package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.cluster.ClusterOptions;
import org.rnicsim.experiments.cluster.ClusterWorker;

/**
 * Two drivers with different studies share one worker at the same time, all on loopback: each study
 * runs in a cluster of its own (named from its fingerprint), the worker serves both, and each
 * study's results equal its local run's byte for byte.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoStudiesClusterTest {
  /** 2 loads x 30 replications = 60 jobs of some tens of milliseconds, as ClusterSweepTest. */
  private static String study(int seed, String serviceTime) {
    return String.join(
        "\n",
        "name: study" + seed,
        "run:",
        "  seed: " + seed,
        "  replications: 30",
        "  warmUp: 1ms",
        "  duration: 60ms",
        "workload:",
        "  kind: mm1",
        "  loads: [0.5, 0.8]",
        "  meanServiceTime: " + serviceTime,
        "");
  }

  @TempDir Path dir;

  @Test
  void whenTwoDriversShareAWorker_thenEachStudyHasItsOwnClusterAndItsLocalResults()
      throws Exception {
    Path first = Files.writeString(dir.resolve("first.yaml"), study(7, "1us"));
    Path second = Files.writeString(dir.resolve("second.yaml"), study(11, "1.5us"));
    List<Integer> ports = ClusterOptions.freeLoopbackPorts(3);
    String members = String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList());
    StringWriter workerLog = new StringWriter();
    CommandLineRun[] runs = new CommandLineRun[2];
    try (ClusterWorker worker =
        ClusterWorker.start(
            new ClusterOptions(List.of(members.split(",")), ports.get(0), 1),
            new PrintWriter(workerLog, true))) {
      List<CompletableFuture<CommandLineRun>> drivers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String[] args = {
          "sweep",
          (i == 0 ? first : second).toString(),
          "--out",
          dir.resolve("clustered-" + i).toString(),
          "--cluster",
          members,
          "--port",
          Integer.toString(ports.get(i + 1)),
          "--jobs",
          "1"
        };
        drivers.add(CompletableFuture.supplyAsync(() -> CommandLineRun.of(args)));
      }
      for (int i = 0; i < 2; i++) {
        runs[i] = drivers.get(i).get(90, TimeUnit.SECONDS);
        assertEquals(0, runs[i].exitCode(), runs[i].err());
      }
      // Each driver left the lobby when its sweep was done: the worker leaves its study cluster.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (workerLog.toString().split("left study cluster", -1).length < 3) {
        assertTrue(System.nanoTime() < deadline, "still in a study cluster:\n" + workerLog);
        Thread.sleep(20);
      }
    }

    // The worker joined one study cluster per driver, named apart, each at its driver's address.
    Matcher joined =
        Pattern.compile("joined study cluster (\\S+) at (\\S+) as (\\S+)")
            .matcher(workerLog.toString());
    Map<String, String> workerByCluster = new TreeMap<>();
    while (joined.find()) {
      workerByCluster.put(joined.group(1), joined.group(3));
    }
    assertEquals(2, workerByCluster.size(), workerLog.toString());
    for (CommandLineRun run : runs) {
      Matcher announced = Pattern.compile("study cluster (\\S+) at ").matcher(run.err());
      assertTrue(announced.find(), run.err());
      String workerAddress = workerByCluster.get(announced.group(1));
      // Only this driver and the worker: a cluster shared by both studies would count three.
      assertTrue(run.err().contains("cluster: 2 member(s)"), run.err());
      assertFalse(run.err().contains("cluster: 3 member(s)"), run.err());
      assertTrue(
          Pattern.compile("job\\(s\\) ran: \\{.*" + Pattern.quote(workerAddress + "="))
              .matcher(run.err())
              .find(),
          "the worker ran jobs of this study:\n" + run.err());
    }
    for (int i = 0; i < 2; i++) {
      Path local = dir.resolve("local-" + i);
      assertEquals(
          0,
          CommandLineRun.of(
                  "sweep", (i == 0 ? first : second).toString(), "--out", local.toString())
              .exitCode());
      Path clustered = dir.resolve("clustered-" + i);
      SweepCommandTest.assertSameFiles(
          clustered, local, List.of("summary.json", "results.csv", "results-long.csv"));
      SweepCommandTest.assertSameJobFiles(clustered, local);
    }
  }
}
