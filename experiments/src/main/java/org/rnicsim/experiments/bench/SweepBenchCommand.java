package org.rnicsim.experiments.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnicsim bench sweep}: the same fixed RDMA sweep run as {@code rnicsim sweep --jobs 1} and
 * {@code --jobs <cores>}, rounds interleaved so that machine noise hits both alike; prints the
 * median wall times, the speed-up, and where the time went (setup, jobs, combined files; the jobs'
 * CPU time; the machine's load), so a reader can tell a slow sweep from a busy machine. Each run
 * starts from an empty results folder, so every job runs.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fixed RDMA sweep (4 KiB WRITE clients on a switch, open loop, 20 ms each, 1 to 12"
          + " clients x 4 replications = 48 jobs of unequal size, with its charts and report) as"
          + " rnicsim sweep --jobs 1 and --jobs <cores> in one warmed-up JVM, rounds interleaved,"
          + " and print the median wall times, the speed-up (target >= 1.8 on 2 cores), each"
          + " phase's time, the jobs' CPU time, the JIT compiler's and GC's time and the load"
          + " average."
    })
public final class SweepBenchCommand implements Callable<Integer> {
  static final double TARGET_SPEEDUP_ON_TWO_CORES = 1.8;

  /**
   * A smaller capacity-plan study: the client count drives each job's size, so the largest jobs are
   * twelve times the smallest, as in a real sweep over load. Each job simulates 20 ms (four times
   * the example study's 5 ms): about 70 ms of CPU, 3.5 s for the sweep on one thread. At 5 ms a job
   * (21 ms of CPU, 1.2 s a sweep) the JIT compiler's time left after the warm-up (0.3-0.4 s a run,
   * compiling code that runs once per sweep) outweighed the parallel work it stole a core from, so
   * the ratio measured the JIT's warm-up more than the sweep runner.
   */
  static final String STUDY =
      String.join(
          "\n",
          "name: bench-sweep",
          "hardware:",
          "  profile: connectx4-edr-gen3x16",
          "topology:",
          "  shape: switch",
          "  switchLatency: 100ns",
          "  switchBuffer: 1MiB",
          "run:",
          "  replications: 4",
          "  warmUp: 500us",
          "  duration: 20ms",
          "workload:",
          "  kind: open-loop",
          "  operations: [write]",
          "  sizes: [4KiB]",
          "  rate: 250Kops/s",
          "  window: 64",
          "  p99Target: 10us",
          "sweep:",
          "  - path: topology.clients",
          "    from: 1",
          "    to: 12",
          "    step: 1",
          "");

  static final int JOBS = 48;

  /** How the report names the study. */
  static final String STUDY_SUMMARY =
      "open-loop 4 KiB WRITE clients on a switch, 20 ms each, 1..12 clients x 4 replications";

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--rounds",
      paramLabel = "COUNT",
      description = "Measured rounds per setting (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(
      names = "--warmup",
      paramLabel = "COUNT",
      description =
          "Unmeasured runs of each setting first (default: ${DEFAULT-VALUE}): until the JIT has"
              + " compiled the code each run passes through once (loading, results, charts), its"
              + " compiler threads take a core's share that one thread leaves free and two do not.")
  int warmup = 8;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Parallel jobs to compare with one (default: all local cores, here ${DEFAULT-VALUE}).")
  int cores = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--cluster",
      paramLabel = "N",
      description =
          "Instead: run the sweep on a cluster of N members on this machine (this JVM and N-1"
              + " workers, one job each at a time) against in-process on one thread; print the"
              + " speed-up and the cluster path's overhead per job (target < 5 ms).")
  int clusterMembers;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    double loadBefore = loadAverage();
    Path work = Files.createTempDirectory("rnicsim-bench-sweep-");
    try {
      Path study = Files.writeString(work.resolve("bench-sweep.yaml"), STUDY);
      if (clusterMembers > 0) {
        new ClusterBench(clusterMembers, rounds, warmup, err)
            .run(study, work, json, spec.commandLine().getOut());
        return 0;
      }
      // Unmeasured runs of each warm the JIT and the class loading both settings share. Measured
      // on 2 cores (CompilationMXBean), the compiler worked 4.8 s in the first one-thread run,
      // 0.7, 0.5, 0.4 s in the next ones and 0.2-0.4 s from the eighth pair on: code that runs
      // once per sweep (loading, fingerprints, charts) turns hot only over several sweeps. Fewer
      // warm-ups measure the JIT's warm-up, which a long sweep pays once, not the runner.
      for (int run = 0; run < warmup; run++) {
        SweepTiming one = time(study, work, 1, "warm-1-" + run);
        SweepTiming all = time(study, work, cores, "warm-n-" + run);
        // Half the benchmark's wall time goes here; say so rather than sit silent for a minute.
        err.printf(
            Locale.ROOT,
            "bench sweep: warm-up %d of %d (not measured): %.3f s on 1 thread, %.3f s on %d,"
                + " JIT compiler %.3f s + %.3f s%n",
            run + 1,
            warmup,
            one.wallSeconds(),
            all.wallSeconds(),
            cores,
            one.jitSeconds(),
            all.jitSeconds());
        err.flush();
      }
      List<SweepTiming> serial = new ArrayList<>();
      List<SweepTiming> parallel = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        serial.add(time(study, work, 1, "serial-" + round));
        parallel.add(time(study, work, cores, "parallel-" + round));
        err.printf(
            Locale.ROOT,
            "bench sweep: round %d: %.3f s on 1 thread, %.3f s on %d%n",
            round + 1,
            serial.get(round).wallSeconds(),
            parallel.get(round).wallSeconds(),
            cores);
        err.flush();
      }
      new SweepBenchReport(cores, rounds, TARGET_SPEEDUP_ON_TWO_CORES)
          .print(
              SweepBenchReport.median(serial),
              SweepBenchReport.median(parallel),
              loadBefore,
              loadAverage(),
              json,
              spec.commandLine().getOut());
    } finally {
      deleteRecursively(work);
    }
    return 0;
  }

  private static SweepTiming time(Path study, Path work, int threads, String label)
      throws IOException, InterruptedException {
    Path out = work.resolve(label);
    SweepTiming timing = SweepTiming.measure(study, out, threads);
    deleteRecursively(out);
    return timing;
  }

  /** The one-minute load average, or NaN where the platform has none. */
  private static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }

  static void deleteRecursively(Path root) throws IOException {
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
