package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.cluster.ClusterOptions;
import org.rnicsim.experiments.cluster.ClusterWorker;

/**
 * {@code rnicsim sweep --cluster} on three members on loopback: the driver (this JVM), a worker in
 * this JVM and a worker in a JVM of its own that is killed with SIGKILL while it runs a job. The
 * killed member's job is handed out again and the results equal a local run's byte for byte.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterSweepTest {
  /**
   * 2 service times x 2 loads x 40 replications = 160 jobs of about a hundred milliseconds each:
   * long enough that the sweep is still running when the separate member (a cold JVM) has joined
   * the study cluster, on a loaded machine and on a quiet one (with 60 jobs, a quiet machine with
   * the faster event list finished the sweep on two members in about 3 s, before that join).
   */
  private static final String STUDY =
      String.join(
          "\n",
          "name: cluster",
          "run:",
          "  seed: 7",
          "  replications: 40",
          "  warmUp: 1ms",
          "  duration: 150ms",
          "workload:",
          "  kind: mm1",
          "  loads: [0.5, 0.8]",
          "sweep:",
          "  - path: workload.meanServiceTime",
          "    values: [1us, 1.5us]",
          "");

  @TempDir Path dir;

  @Test
  void whenAMemberIsKilledMidSweep_thenItsJobIsHandedOutAgainAndResultsEqualALocalRun()
      throws Exception {
    Path study = Files.writeString(dir.resolve("cluster.yaml"), STUDY);
    List<Integer> ports = ClusterOptions.freeLoopbackPorts(3);
    int driverPort = ports.get(0);
    int workerPort = ports.get(1);
    int doomedPort = ports.get(2);
    List<String> members =
        List.of("127.0.0.1:" + driverPort, "127.0.0.1:" + workerPort, "127.0.0.1:" + doomedPort);
    Path doomedLog = dir.resolve("doomed.log");
    Process doomed =
        new ProcessBuilder(
                javaCommand(),
                "-cp",
                System.getProperty("java.class.path"),
                RnicsimCommand.class.getName(),
                "worker",
                "--cluster",
                String.join(",", members),
                "--port",
                Integer.toString(doomedPort),
                "--jobs",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(doomedLog.toFile())
            .start();
    StringWriter workerLog = new StringWriter();
    Path clustered = dir.resolve("clustered");
    try (ClusterWorker worker =
        ClusterWorker.start(
            new ClusterOptions(members, workerPort, 1), new PrintWriter(workerLog, true))) {
      waitFor(() -> read(doomedLog).contains("worker: in lobby"), doomedLog);

      CompletableFuture<CommandLineRun> driver =
          CompletableFuture.supplyAsync(
              () ->
                  CommandLineRun.of(
                      "sweep",
                      study.toString(),
                      "--out",
                      clustered.toString(),
                      "--cluster",
                      String.join(",", members),
                      "--port",
                      Integer.toString(driverPort),
                      "--jobs",
                      "1"));
      // The doomed member gets a job as soon as it joins the study's cluster, and says so before
      // it starts; its first job (a cold JVM) takes far longer than the poll, so killing it on
      // that line kills it mid-job. Waiting for other members' job files instead raced the
      // sweep's end on a loaded machine: the doomed member had finished its one job by then.
      // (A job can reach the member before it has said that it joined: wait for both lines.)
      waitFor(
          () -> {
            String log = read(doomedLog);
            return log.contains("joined study cluster") && log.contains("worker: running")
                || driver.isDone();
          },
          doomedLog);
      doomed.destroyForcibly();
      CommandLineRun run = driver.get(180, TimeUnit.SECONDS);

      assertEquals(0, run.exitCode(), run.err());
      Matcher joined =
          Pattern.compile("joined study cluster \\S+ at \\S+ as (\\S+)").matcher(read(doomedLog));
      assertTrue(joined.find(), read(doomedLog));
      assertTrue(
          run.err().contains("member " + joined.group(1) + " left with"),
          "the killed member's job was handed out again:\n" + run.err() + read(doomedLog));
      assertTrue(run.err().contains("cluster: 3 member(s)"), run.err());
      assertTrue(workerLog.toString().contains("worker: ran "), "all three members ran jobs");
    } finally {
      doomed.destroyForcibly();
      doomed.waitFor(20, TimeUnit.SECONDS);
    }

    Path local = dir.resolve("local");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", local.toString()).exitCode());
    SweepCommandTest.assertSameFiles(clustered, local, SweepCommandTest.COMBINED_FILES);
    assertEquals(160, RunCommandTest.listing(local.resolve("jobs")).size());
    SweepCommandTest.assertSameJobFiles(clustered, local);
  }

  @Test
  void whenClusterAddressIsMalformed_thenExitCodeTwoAndNoMemberStarts() throws Exception {
    Path study = Files.writeString(dir.resolve("cluster.yaml"), STUDY);
    for (String bad : List.of("localhost", "host:port", "127.0.0.1:70000", ":5701")) {
      CommandLineRun run =
          CommandLineRun.of(
              "sweep", study.toString(), "--out", dir.resolve("x").toString(), "--cluster", bad);
      assertEquals(2, run.exitCode(), bad + ": " + run.err());
      assertTrue(run.err().contains("--cluster"), run.err());
    }
  }

  private static String javaCommand() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (Exception e) {
      return "";
    }
  }

  private static void waitFor(BooleanSupplier condition, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out; the separate member's log:\n" + read(log));
      }
      Thread.sleep(20);
    }
  }
}
