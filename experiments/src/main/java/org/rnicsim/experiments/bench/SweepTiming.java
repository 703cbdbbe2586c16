package org.rnicsim.experiments.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.StudyLoader;

/**
 * One timed {@code rnicsim sweep --jobs N} of a study, through {@link StudyRunner} as the command
 * runs it, split into its phases by the progress calls the runner makes: setup (load, check, look
 * for finished jobs) until {@link Progress#start}, the jobs until {@link Progress#close}, then the
 * combined files (summary, CSV, charts, report). Setup and the files are the parts a sweep cannot
 * spread over jobs, so they bound its speed-up; the job CPU time says what the parallel part costs.
 *
 * @param wallSeconds the whole run
 * @param setupSeconds wall time before the first job starts
 * @param jobsSeconds wall time from the first job's start to the last job's end
 * @param reportSeconds wall time writing the combined files after the jobs
 * @param jobCpuSeconds summed CPU time of the jobs' threads spent on the jobs, or NaN if unknown
 * @param processCpuSeconds CPU time of the whole JVM over the run (GC and JIT included), or NaN
 * @param jitSeconds time the JIT compiler threads spent compiling during the run, as the JVM counts
 *     it ({@link java.lang.management.CompilationMXBean}), or NaN where it does not
 * @param gcSeconds time the garbage collectors spent collecting during the run, summed over the
 *     collectors ({@link java.lang.management.GarbageCollectorMXBean}), or NaN where unknown
 * @param jobs jobs run
 */
record SweepTiming(
    double wallSeconds,
    double setupSeconds,
    double jobsSeconds,
    double reportSeconds,
    double jobCpuSeconds,
    double processCpuSeconds,
    double jitSeconds,
    double gcSeconds,
    int jobs) {

  /** Runs {@code study} into {@code out} (which must not hold results) on {@code threads}. */
  static SweepTiming measure(Path study, Path out, int threads)
      throws IOException, InterruptedException {
    return measure(study, out, threads, StudyRunner.ExecutorChoice.LOCAL);
  }

  /** As above, the jobs run where {@code executors} say. */
  static SweepTiming measure(
      Path study, Path out, int threads, StudyRunner.ExecutorChoice executors)
      throws IOException, InterruptedException {
    StudyRunner.Options options =
        new StudyRunner.Options(
            List.of(), out, threads, StudyLoader.Expansion.SWEEP, null, executors);
    PhaseClock clock = new PhaseClock();
    double cpuBefore = jvmCpuSeconds();
    double jitBefore = jvmJitSeconds();
    double gcBefore = jvmGcSeconds();
    long start = System.nanoTime();
    StudyRunner.Outcome outcome =
        new StudyRunner()
            .run(
                study,
                study.toString(),
                options,
                new PrintWriter(OutputStream.nullOutputStream()),
                clock);
    long end = System.nanoTime();
    double cpu = jvmCpuSeconds() - cpuBefore;
    double jit = jvmJitSeconds() - jitBefore;
    double gc = jvmGcSeconds() - gcBefore;
    return new SweepTiming(
        (end - start) / 1e9,
        (clock.startNanos - start) / 1e9,
        (clock.closeNanos - clock.startNanos) / 1e9,
        (end - clock.closeNanos) / 1e9,
        clock.unmeasured.get() ? Double.NaN : clock.jobCpuNanos.get() / 1e9,
        cpu,
        jit,
        gc,
        outcome.jobsRun());
  }

  /** CPU time of this JVM, every thread, or NaN where the platform does not say. */
  static double jvmCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }

  /** Time the JIT compiler has spent compiling since the JVM started, or NaN if not counted. */
  static double jvmJitSeconds() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return Double.NaN;
    }
    return jit.getTotalCompilationTime() / 1e3;
  }

  /** Time every garbage collector has spent collecting since the JVM started, or NaN. */
  static double jvmGcSeconds() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      long time = collector.getCollectionTime();
      if (time < 0) {
        return Double.NaN;
      }
      millis += time;
    }
    return millis / 1e3;
  }

  /** Notes when the runner reaches each phase, and sums the jobs' CPU time. */
  private static final class PhaseClock implements Progress {
    private final AtomicLong jobCpuNanos = new AtomicLong();
    private final AtomicBoolean unmeasured = new AtomicBoolean();
    private long startNanos;
    private long closeNanos;

    @Override
    public void start(String task, long totalJobs, long alreadyDone) {
      startNanos = System.nanoTime();
    }

    @Override
    public void jobDone(long eventsExecuted, long cpuNanos) {
      if (cpuNanos < 0) {
        unmeasured.set(true);
      } else {
        jobCpuNanos.addAndGet(cpuNanos);
      }
    }

    @Override
    public void close() {
      closeNanos = System.nanoTime();
    }
  }
}
