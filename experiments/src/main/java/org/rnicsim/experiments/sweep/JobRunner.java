package org.rnicsim.experiments.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnicsim.experiments.output.TaskFailure;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * Runs jobs on a fixed number of threads, each job writing its own result file as soon as it ends,
 * so that a kill loses at most the jobs that were running. Jobs share nothing: each builds its own
 * simulator and random streams, so the thread a job runs on never changes its result.
 *
 * <p>Jobs start largest first (by {@link Job#relativeCost()}, ties in grid order): in grid order
 * the largest points of a sweep (most clients, largest messages) come last, and the final one keeps
 * a single core busy while the others have nothing left to take. Largest first, the jobs that end
 * the run are small ones. The order never changes a result, only when it is ready.
 */
public final class JobRunner implements JobExecutor {
  private final int threads;

  /**
   * @param threads how many jobs run at once, at least one
   */
  public JobRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public Map<String, JobResult> run(List<Job> jobs, JobStore store, Progress progress)
      throws IOException, InterruptedException {
    Map<String, JobResult> results = new HashMap<>();
    if (jobs.isEmpty()) {
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), workers());
    try {
      CompletionService<TimedResult> done = new ExecutorCompletionService<>(pool);
      for (Job job : largestFirst(jobs)) {
        done.submit(() -> runOne(job, store));
      }
      for (int i = 0; i < jobs.size(); i++) {
        TimedResult timed = take(done);
        JobResult result = timed.result();
        results.put(Job.fileName(result.point(), result.caseIndex(), result.replication()), result);
        progress.jobDone(result.eventsExecuted(), timed.cpuNanos(), timed.relativeCost());
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  /**
   * The jobs by falling {@link Job#relativeCost()}; the sort is stable, so ties keep grid order.
   */
  public static List<Job> largestFirst(List<Job> jobs) {
    List<Job> ordered = new ArrayList<>(jobs);
    ordered.sort(Comparator.comparingDouble(Job::relativeCost).reversed());
    return ordered;
  }

  /** A job's result and the CPU time its thread spent on it, writing its file included. */
  private record TimedResult(JobResult result, long cpuNanos, double relativeCost) {}

  private static TimedResult runOne(Job job, JobStore store) throws IOException {
    long cpuStart = threadCpuNanos();
    JobResult result = measure(job);
    store.write(job, result);
    long cpuEnd = threadCpuNanos();
    return new TimedResult(
        result, cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart, job.relativeCost());
  }

  /** Runs {@code job} on the calling thread: its result, the same bytes wherever it runs. */
  public static JobResult measure(Job job) {
    WorkloadPlan workload = job.point().plan().workload();
    Measurement measurement =
        workload.measure(job.point().plan().run(), job.caseIndex(), job.replication());
    return JobStore.resultOf(job, workload.metrics(), measurement);
  }

  /**
   * The calling thread's CPU time so far, or -1 where the JVM cannot measure it (progress then
   * reports no CPU time).
   */
  public static long threadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.getCurrentThreadCpuTime();
  }

  private static TimedResult take(CompletionService<TimedResult> done)
      throws IOException, InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      throw TaskFailure.rethrow(e, "a job");
    }
  }

  /** Named daemon threads: a failed run must not keep the JVM alive. */
  private static ThreadFactory workers() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "rnicsim-job-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
