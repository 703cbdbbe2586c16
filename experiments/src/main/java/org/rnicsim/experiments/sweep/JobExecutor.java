package org.rnicsim.experiments.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.progress.Progress;

/**
 * Runs the jobs a results folder lacks and writes each one's file into the store as it ends: on
 * this machine's threads ({@link JobRunner}), or handed out to the members of a cluster. Either way
 * a job's result depends only on the job, so the files are the same bytes.
 */
public interface JobExecutor extends AutoCloseable {
  /** Runs {@code jobs}, writing each result to {@code store}; returns the results by file name. */
  Map<String, JobResult> run(List<Job> jobs, JobStore store, Progress progress)
      throws IOException, InterruptedException;

  /** Lets go of what running took (threads, a cluster membership); nothing by default. */
  @Override
  default void close() {}
}
