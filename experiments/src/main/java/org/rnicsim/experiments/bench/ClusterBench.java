package org.rnicsim.experiments.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rnicsim.experiments.cluster.ClusterExecutor;
import org.rnicsim.experiments.cluster.ClusterOptions;
import org.rnicsim.experiments.cluster.ClusterWorker;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobExecutor;
import org.rnicsim.experiments.sweep.JobResult;
import org.rnicsim.experiments.sweep.JobStore;

/**
 * {@code rnicsim bench sweep --cluster N}: the fixed sweep in this JVM on one thread, and on a
 * cluster of N members on loopback (this JVM and N-1 workers in JVMs of their own, one job at a
 * time each), rounds interleaved after warm-ups that also warm the workers. Reports the median wall
 * times, the speed-up, and the cluster path's overhead per job: a job's round trip less its own
 * time on the member.
 */
final class ClusterBench {
  /** The cluster path's cost a job should stay under. */
  static final double TARGET_OVERHEAD_MS = 5;

  private final int members;
  private final int rounds;
  private final int warmup;
  private final PrintWriter err;

  ClusterBench(int members, int rounds, int warmup, PrintWriter err) {
    this.members = members;
    this.rounds = rounds;
    this.warmup = warmup;
    this.err = err;
  }

  void run(Path study, Path work, boolean json, PrintWriter out) throws Exception {
    List<String> addresses = new ArrayList<>();
    List<Integer> ports = ClusterOptions.freeLoopbackPorts(members);
    for (int port : ports) {
      addresses.add("127.0.0.1:" + port);
    }
    List<Process> workers = new ArrayList<>();
    SharedCluster cluster =
        new SharedCluster(
            ClusterExecutor.choice(
                addresses, ports.get(0), new PrintWriter(OutputStream.nullOutputStream())));
    // Ctrl-C on the benchmark must not leave workers running.
    Thread stopWorkers = new Thread(() -> workers.forEach(Process::destroy), "rnicsim-bench-stop");
    Runtime.getRuntime().addShutdownHook(stopWorkers);
    try {
      for (int i = 1; i < members; i++) {
        workers.add(startWorker(addresses, ports.get(i), work.resolve("worker-" + i + ".log")));
      }
      List<SweepTiming> local = new ArrayList<>();
      List<SweepTiming> clustered = new ArrayList<>();
      for (int run = 0; run < warmup + rounds; run++) {
        boolean measured = run >= warmup;
        if (run == warmup) {
          cluster.executor.resetOverhead();
        }
        SweepTiming one = time(study, work, "local-" + run, StudyRunner.ExecutorChoice.LOCAL);
        SweepTiming many = time(study, work, "cluster-" + run, cluster);
        if (measured) {
          local.add(one);
          clustered.add(many);
        }
        err.printf(
            Locale.ROOT,
            "bench sweep --cluster %d: %s %d: %.3f s in-process on 1 thread, %.3f s on %d"
                + " member(s)%n",
            members,
            measured ? "round" : "warm-up",
            measured ? run - warmup + 1 : run + 1,
            one.wallSeconds(),
            many.wallSeconds(),
            members);
        err.flush();
      }
      report(
          SweepBenchReport.median(local),
          SweepBenchReport.median(clustered),
          cluster.executor.meanOverheadMillis(),
          json,
          out);
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopWorkers);
      if (cluster.executor != null) {
        cluster.executor.close();
      }
      for (Process worker : workers) {
        worker.destroy();
      }
      for (Process worker : workers) {
        if (!worker.waitFor(30, TimeUnit.SECONDS)) {
          worker.destroyForcibly();
        }
      }
    }
  }

  private void report(
      SweepTiming local, SweepTiming clustered, double overheadMs, boolean json, PrintWriter out) {
    double speedup = local.wallSeconds() / clustered.wallSeconds();
    boolean met = overheadMs < TARGET_OVERHEAD_MS;
    if (json) {
      out.printf(
          Locale.ROOT,
          "{\"members\": %d, \"jobs\": %d, \"inProcessSeconds\": %.3f, \"clusterSeconds\": %.3f,"
              + " \"speedup\": %.3f, \"overheadMsPerJob\": %.3f, \"targetOverheadMs\": %.1f,"
              + " \"targetMet\": %b}%n",
          members,
          local.jobs(),
          local.wallSeconds(),
          clustered.wallSeconds(),
          speedup,
          overheadMs,
          TARGET_OVERHEAD_MS,
          met);
    } else {
      out.printf(
          Locale.ROOT,
          "bench sweep --cluster %d: %s, %d jobs, median of %d rounds%n"
              + "  in-process, 1 thread:            %8.3f s%n"
              + "  cluster of %d (1 job per member): %8.3f s   speed-up %.2fx%n"
              + "  cluster path overhead per job:  %8.3f ms (round trip less the job; target < %.0f"
              + " ms): %s%n",
          members,
          SweepBenchCommand.STUDY_SUMMARY,
          local.jobs(),
          rounds,
          local.wallSeconds(),
          members,
          clustered.wallSeconds(),
          speedup,
          overheadMs,
          TARGET_OVERHEAD_MS,
          met ? "met" : "NOT met");
    }
    out.flush();
  }

  private static SweepTiming time(
      Path study, Path work, String label, StudyRunner.ExecutorChoice executors)
      throws IOException, InterruptedException {
    Path out = work.resolve(label);
    SweepTiming timing = SweepTiming.measure(study, out, 1, executors);
    SweepBenchCommand.deleteRecursively(out);
    return timing;
  }

  private static Process startWorker(List<String> addresses, int port, Path log)
      throws IOException {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
    // The collector the launcher chose for this JVM, so workers run as `rnicsim worker` does.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.matches("-XX:\\+Use\\w+GC"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ClusterWorker.class.getName(),
            String.join(",", addresses),
            Integer.toString(port),
            "1"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** One cluster member for every run, so each run times the jobs, not Hazelcast's start. */
  private static final class SharedCluster implements StudyRunner.ExecutorChoice {
    private final StudyRunner.ExecutorChoice choice;
    private ClusterExecutor executor;

    SharedCluster(StudyRunner.ExecutorChoice choice) {
      this.choice = choice;
    }

    @Override
    public JobExecutor forStudy(Path file, Study study, int threads) throws IOException {
      if (executor == null) {
        executor = (ClusterExecutor) choice.forStudy(file, study, threads);
      }
      ClusterExecutor shared = executor;
      return new JobExecutor() {
        @Override
        public java.util.Map<String, JobResult> run(
            List<Job> jobs, JobStore store, Progress progress)
            throws IOException, InterruptedException {
          return shared.run(jobs, store, progress);
        }
      };
    }
  }
}
