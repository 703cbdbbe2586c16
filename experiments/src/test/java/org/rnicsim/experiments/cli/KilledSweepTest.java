package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL in the middle resumes: the rerun runs only the jobs whose file is
 * missing, and the combined results equal those of a sweep that was never interrupted.
 */
class KilledSweepTest {
  /** 2 loads x 12 replications = 24 jobs of some tens of milliseconds each on one thread. */
  private static final String STUDY =
      String.join(
          "\n",
          "name: killed",
          "run:",
          "  seed: 11",
          "  replications: 12",
          "  warmUp: 1ms",
          "  duration: 150ms",
          "workload:",
          "  kind: mm1",
          "  loads: [0.5, 0.8]",
          "");

  private static final int JOBS = 24;

  @TempDir Path dir;

  @Test
  void whenSweepIsKilledAndRerun_thenOnlyMissingJobsRunAndResultsEqualAnUninterruptedRun()
      throws Exception {
    Path study = Files.writeString(dir.resolve("killed.yaml"), STUDY);
    Path interrupted = dir.resolve("interrupted");
    Path jobs = interrupted.resolve("jobs");

    Process child =
        new ProcessBuilder(
                javaCommand(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                RnicsimCommand.class.getName(),
                "sweep",
                study.toString(),
                "--out",
                interrupted.toString(),
                "--jobs",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (jobFiles(jobs).size() < 3 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    Map<String, Object> survivors = fileIdentities(jobs);
    assertTrue(
        survivors.size() >= 3 && survivors.size() < JOBS,
        "kill landed after "
            + survivors.size()
            + " jobs; "
            + Files.readString(dir.resolve("child.log")));
    assertTrue(Files.notExists(interrupted.resolve("summary.json")), "killed before combining");

    CommandLineRun resumed =
        CommandLineRun.of("sweep", study.toString(), "--out", interrupted.toString());

    assertEquals(0, resumed.exitCode(), resumed.err());
    int ran = JOBS - survivors.size();
    assertTrue(
        resumed
            .out()
            .contains(
                "resumed: "
                    + survivors.size()
                    + " of "
                    + JOBS
                    + " jobs were already done; ran "
                    + ran),
        resumed.out());
    Map<String, Object> after = fileIdentities(jobs);
    assertEquals(JOBS, after.size(), after.keySet().toString());
    survivors.forEach(
        (name, identity) ->
            assertEquals(identity, after.get(name), name + " was rewritten: it had already run"));

    Path uninterrupted = dir.resolve("uninterrupted");
    assertEquals(
        0,
        CommandLineRun.of("sweep", study.toString(), "--out", uninterrupted.toString()).exitCode());
    SweepCommandTest.assertSameFiles(
        interrupted,
        uninterrupted,
        List.of(
            "summary.json",
            "results.csv",
            "mean-wait-ns-vs-load.png",
            "mean-wait-ns-vs-load.svg",
            "report.html"));
    for (String name : after.keySet()) {
      assertEquals(
          Files.readString(jobs.resolve(name)),
          Files.readString(uninterrupted.resolve("jobs").resolve(name)),
          name);
    }
  }

  private static String javaCommand() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static List<String> jobFiles(Path jobs) throws Exception {
    if (!Files.isDirectory(jobs)) {
      return List.of();
    }
    return RunCommandTest.listing(jobs).stream().filter(name -> name.startsWith("p")).toList();
  }

  /** File name to identity (inode and modification time): a rewrite by rename changes it. */
  private static Map<String, Object> fileIdentities(Path jobs) throws Exception {
    Map<String, Object> identities = new HashMap<>();
    for (String name : jobFiles(jobs)) {
      BasicFileAttributes attributes =
          Files.readAttributes(jobs.resolve(name), BasicFileAttributes.class);
      identities.put(
          name, List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime()));
    }
    return identities;
  }
}
