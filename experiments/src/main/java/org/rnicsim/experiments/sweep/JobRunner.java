package org.rnicsim.experiments.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * Runs jobs on a fixed number of threads, each job writing its own result file as soon as it ends,
 * so that a kill loses at most the jobs that were running. Jobs share nothing: each builds its own
 * simulator and random streams, so the thread a job runs on never changes its result.
 */
public final class JobRunner {
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

  /** Runs {@code jobs}, writing each result to {@code store}; returns the results by file name. */
  public Map<String, JobResult> run(List<Job> jobs, JobStore store, Progress progress)
      throws IOException, InterruptedException {
    Map<String, JobResult> results = new HashMap<>();
    if (jobs.isEmpty()) {
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), workers());
    try {
      CompletionService<JobResult> done = new ExecutorCompletionService<>(pool);
      for (Job job : jobs) {
        done.submit(() -> runOne(job, store));
      }
      for (int i = 0; i < jobs.size(); i++) {
        JobResult result = take(done);
        results.put(Job.fileName(result.point(), result.caseIndex(), result.replication()), result);
        progress.jobDone(result.eventsExecuted());
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private static JobResult runOne(Job job, JobStore store) throws IOException {
    WorkloadPlan workload = job.point().plan().workload();
    Measurement measurement =
        workload.measure(job.point().plan().run(), job.caseIndex(), job.replication());
    JobResult result = JobStore.resultOf(job, workload.metrics(), measurement);
    store.write(job, result);
    return result;
  }

  private static JobResult take(CompletionService<JobResult> done)
      throws IOException, InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a job failed", cause);
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
