package org.rnicsim.experiments.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rnicsim bench sweep}: the same fixed sweep on one thread and on every core, rounds
 * interleaved so that machine noise hits both alike; prints the median wall times and the speed-up.
 * Each round starts from an empty results folder, so every job runs.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fixed M/M/1 sweep (2 service times x 3 loads x 8 replications = 48 jobs) with --jobs 1"
          + " and --jobs <cores>, rounds interleaved, and print the median wall times and the"
          + " speed-up (target >= 1.8 on 2 cores)."
    })
public final class SweepBenchCommand implements Callable<Integer> {
  static final double TARGET_SPEEDUP_ON_TWO_CORES = 1.8;

  private static final String STUDY =
      String.join(
          "\n",
          "name: bench-sweep",
          "run:",
          "  seed: 1",
          "  replications: 8",
          "  warmUp: 1ms",
          "  duration: 1s",
          "workload:",
          "  kind: mm1",
          "  loads: [0.5, 0.7, 0.9]",
          "sweep:",
          "  - path: workload.meanServiceTime",
          "    values: [1us, 2us]",
          "");

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--rounds",
      paramLabel = "COUNT",
      description = "Measured rounds per setting (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Parallel jobs to compare with one (default: all local cores, here ${DEFAULT-VALUE}).")
  int cores = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path work = Files.createTempDirectory("rnicsim-bench-sweep-");
    try {
      Path study = Files.writeString(work.resolve("bench-sweep.yaml"), STUDY);
      // One unmeasured run of each warms the JIT and the class loading both settings share.
      time(study, work, 1, "warm-1");
      time(study, work, cores, "warm-n");
      double[] serial = new double[rounds];
      double[] parallel = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        serial[round] = time(study, work, 1, "serial-" + round);
        parallel[round] = time(study, work, cores, "parallel-" + round);
        err.printf(
            Locale.ROOT,
            "bench sweep: round %d: %.3f s on 1 thread, %.3f s on %d%n",
            round + 1,
            serial[round],
            parallel[round],
            cores);
        err.flush();
      }
      report(median(serial), median(parallel));
    } finally {
      deleteRecursively(work);
    }
    return 0;
  }

  private void report(double serialSeconds, double parallelSeconds) {
    PrintWriter out = spec.commandLine().getOut();
    double speedup = serialSeconds / parallelSeconds;
    boolean targetApplies = cores >= 2;
    boolean met = !targetApplies || speedup >= TARGET_SPEEDUP_ON_TWO_CORES;
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("benchmark", "sweep-parallel-speedup");
      root.put("jobsPerRun", 48);
      root.put("rounds", rounds);
      root.put("cores", cores);
      root.put("serialSeconds", round3(serialSeconds));
      root.put("parallelSeconds", round3(parallelSeconds));
      root.put("speedup", round3(speedup));
      root.put("targetSpeedup", TARGET_SPEEDUP_ON_TWO_CORES);
      root.put("targetMet", met);
      out.println(JsonMapper.builder().build().writeValueAsString(root));
    } else {
      out.println("Fixed sweep of 48 jobs, median wall time of " + rounds + " rounds");
      out.printf(Locale.ROOT, "  --jobs 1   %8.3f s%n", serialSeconds);
      out.printf(Locale.ROOT, "  --jobs %-3d %8.3f s%n", cores, parallelSeconds);
      out.printf(
          Locale.ROOT,
          "Speed-up %.2fx on %d cores (target >= %.1fx on 2 cores): %s%n",
          speedup,
          cores,
          TARGET_SPEEDUP_ON_TWO_CORES,
          !targetApplies ? "n/a on one core" : met ? "met" : "NOT met");
    }
    out.flush();
  }

  private static double time(Path study, Path work, int threads, String label)
      throws IOException, InterruptedException {
    Path out = work.resolve(label);
    StudyRunner.Options options =
        new StudyRunner.Options(List.of(), out, threads, StudyLoader.Expansion.SWEEP);
    PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
    long start = System.nanoTime();
    new StudyRunner().run(study, study.toString(), options, discard, Progress.SILENT);
    double seconds = (System.nanoTime() - start) / 1e9;
    deleteRecursively(out);
    return seconds;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            paths.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            paths.add(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
