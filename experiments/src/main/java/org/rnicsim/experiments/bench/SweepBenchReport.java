package org.rnicsim.experiments.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code rnicsim bench sweep} prints: the speed-up against its target, and the phases and CPU
 * times behind it. The serial part (setup and the combined files, measured on one thread) gives
 * Amdahl's bound on the speed-up; the jobs' CPU time against their wall time on N threads says
 * whether the threads had cores to run on (a busy machine) or waited for work (a slow sweep).
 */
final class SweepBenchReport {
  private final int cores;
  private final int rounds;
  private final double target;

  SweepBenchReport(int cores, int rounds, double target) {
    this.cores = cores;
    this.rounds = rounds;
    this.target = target;
  }

  /** Each field's median over the rounds, taken field by field. */
  static SweepTiming median(List<SweepTiming> timings) {
    return new SweepTiming(
        median(timings, SweepTiming::wallSeconds),
        median(timings, SweepTiming::setupSeconds),
        median(timings, SweepTiming::jobsSeconds),
        median(timings, SweepTiming::reportSeconds),
        median(timings, SweepTiming::jobCpuSeconds),
        median(timings, SweepTiming::processCpuSeconds),
        median(timings, SweepTiming::jitSeconds),
        median(timings, SweepTiming::gcSeconds),
        timings.get(0).jobs());
  }

  private static double median(List<SweepTiming> timings, ToDoubleFunction<SweepTiming> field) {
    double[] sorted = timings.stream().mapToDouble(field).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  void print(
      SweepTiming serial,
      SweepTiming parallel,
      double loadBefore,
      double loadAfter,
      boolean json,
      PrintWriter out) {
    double speedup = serial.wallSeconds() / parallel.wallSeconds();
    boolean targetApplies = cores >= 2;
    boolean met = !targetApplies || speedup >= target;
    double serialFraction = (serial.setupSeconds() + serial.reportSeconds()) / serial.wallSeconds();
    double amdahl = 1 / (serialFraction + (1 - serialFraction) / cores);
    // Busy fraction of the N threads' share of the machine while the jobs ran.
    double jobThreadsBusy = parallel.jobCpuSeconds() / (cores * parallel.jobsSeconds());
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("benchmark", "sweep-parallel-speedup");
      root.put("study", SweepBenchCommand.STUDY_SUMMARY);
      root.put("jobsPerRun", serial.jobs());
      root.put("rounds", rounds);
      root.put("cores", cores);
      root.put("serialSeconds", round3(serial.wallSeconds()));
      root.put("parallelSeconds", round3(parallel.wallSeconds()));
      root.put("speedup", round3(speedup));
      root.put("targetSpeedup", target);
      root.put("targetMet", met);
      root.put("serial", phases(serial));
      root.put("parallel", phases(parallel));
      root.put("jobCpuMillisMean", round3(1000 * serial.jobCpuSeconds() / serial.jobs()));
      root.put("serialFraction", round3(serialFraction));
      root.put("amdahlBound", round3(amdahl));
      root.put("jobThreadsBusy", round3(jobThreadsBusy));
      root.put("loadAverageBefore", round3(loadBefore));
      root.put("loadAverageAfter", round3(loadAfter));
      out.println(JsonMapper.builder().build().writeValueAsString(root));
    } else {
      out.printf(
          Locale.ROOT,
          "RDMA sweep of %d jobs (%s), median of %d interleaved rounds%n",
          serial.jobs(),
          SweepBenchCommand.STUDY_SUMMARY,
          rounds);
      out.println(
          "             wall      setup     jobs      files     job CPU   JVM CPU   JIT       GC");
      row(out, "--jobs 1  ", serial);
      row(out, String.format(Locale.ROOT, "--jobs %-3d", cores), parallel);
      out.printf(
          Locale.ROOT,
          "Per job %.1f ms CPU on average. Setup and files are %.1f %% of one thread's run (were"
              + " both serial: at most %.2fx on %d cores; the charts run on the job threads). Job"
              + " threads busy %.0f %% of %d cores while the jobs ran.%n",
          1000 * serial.jobCpuSeconds() / serial.jobs(),
          100 * serialFraction,
          amdahl,
          cores,
          100 * jobThreadsBusy,
          cores);
      out.printf(
          Locale.ROOT,
          "The JIT compiler worked %.3f s and the garbage collector %.3f s during the one-thread"
              + " run (the JVM's own counts): one job thread leaves them a core, %d share the"
              + " cores with them.%n",
          serial.jitSeconds(),
          serial.gcSeconds(),
          cores);
      out.printf(
          Locale.ROOT,
          "Load average %.2f before, %.2f after (a busy machine lowers the speed-up).%n",
          loadBefore,
          loadAfter);
      out.printf(
          Locale.ROOT,
          "Speed-up %.2fx on %d cores (target >= %.1fx on 2 cores): %s%n",
          speedup,
          cores,
          target,
          !targetApplies ? "n/a on one core" : met ? "met" : "NOT met");
    }
    out.flush();
  }

  private static Map<String, Object> phases(SweepTiming timing) {
    Map<String, Object> phases = new LinkedHashMap<>();
    phases.put("wallSeconds", round3(timing.wallSeconds()));
    phases.put("setupSeconds", round3(timing.setupSeconds()));
    phases.put("jobsSeconds", round3(timing.jobsSeconds()));
    phases.put("filesSeconds", round3(timing.reportSeconds()));
    phases.put("jobCpuSeconds", round3(timing.jobCpuSeconds()));
    phases.put("processCpuSeconds", round3(timing.processCpuSeconds()));
    phases.put("jitSeconds", round3(timing.jitSeconds()));
    phases.put("gcSeconds", round3(timing.gcSeconds()));
    return phases;
  }

  private static void row(PrintWriter out, String label, SweepTiming timing) {
    double[] seconds = {
      timing.wallSeconds(),
      timing.setupSeconds(),
      timing.jobsSeconds(),
      timing.reportSeconds(),
      timing.jobCpuSeconds(),
      timing.processCpuSeconds(),
      timing.jitSeconds(),
      timing.gcSeconds()
    };
    StringBuilder line = new StringBuilder("  ").append(label);
    Arrays.stream(seconds).forEach(s -> line.append(String.format(Locale.ROOT, " %8.3f s", s)));
    out.println(line);
  }

  /** Rounded to milliseconds; NaN (not measurable here) stays NaN, written as null in JSON. */
  private static Double round3(double value) {
    return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
  }
}
