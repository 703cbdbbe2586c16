package org.rnicsim.experiments.progress;

/**
 * Where long work reports how far it got. Implementations decide whether anyone sees it; results
 * never depend on it.
 */
public interface Progress extends AutoCloseable {
  /** Shows nothing: for tests, pipes and {@code --quiet}. */
  Progress SILENT =
      new Progress() {
        @Override
        public void start(String task, long totalJobs, long alreadyDone) {}

        @Override
        public void jobDone(long eventsExecuted, long cpuNanos) {}

        @Override
        public void close() {}
      };

  /**
   * Work begins: {@code totalJobs} in all, of which {@code alreadyDone} were found finished on
   * disk.
   */
  void start(String task, long totalJobs, long alreadyDone);

  /**
   * One job finished, having run {@code eventsExecuted} simulator events in {@code cpuNanos} of its
   * thread's CPU time (-1 where the JVM cannot tell). Thread-safe.
   */
  void jobDone(long eventsExecuted, long cpuNanos);

  /**
   * The jobs to run add up to {@code totalCost} in the workload's estimate of their size ({@code
   * WorkloadPlan.relativeCost}); called after {@link #start}, before the first job ends.
   */
  default void plannedCost(double totalCost) {}

  /** As {@link #jobDone(long, long)}, for a job of {@code relativeCost}. Thread-safe. */
  default void jobDone(long eventsExecuted, long cpuNanos, double relativeCost) {
    jobDone(eventsExecuted, cpuNanos);
  }

  @Override
  void close();
}
