package org.rnicsim.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.experiments.BuildInfo;
import org.rnicsim.experiments.output.ResultsFolder;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.KindReport;
import org.rnicsim.experiments.report.ReportFiles;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobExecutor;
import org.rnicsim.experiments.sweep.JobPlanner;
import org.rnicsim.experiments.sweep.JobResult;
import org.rnicsim.experiments.sweep.JobRunner;
import org.rnicsim.experiments.sweep.JobStore;
import org.rnicsim.experiments.sweep.Shard;

/**
 * The one pipeline every study goes through, a single point ({@code rnicsim run}) or a grid ({@code
 * rnicsim sweep}): load and check everything, then list the jobs, skip those whose result is
 * already on disk, run the rest in parallel, and combine all results into the report files. Nothing
 * touches the disk before the study has passed every check, so bad input leaves no trace.
 */
public final class StudyRunner {
  /** Where results go when the command line does not say. */
  public static final Path DEFAULT_RESULTS = Path.of("results");

  private final StudyLoader loader;

  public StudyRunner() {
    this(new StudyLoader(WorkloadKinds.all()));
  }

  public StudyRunner(StudyLoader loader) {
    this.loader = loader;
  }

  /**
   * How to run a study.
   *
   * @param settings {@code path=value} texts of {@code --set}, applied in order over the file
   * @param outOverride the results folder from the command line, or null for {@code results/<study
   *     name>}; a study file cannot choose where its results go
   * @param threads jobs run at once
   * @param expansion one point, or the whole sweep
   * @param shard the share of the jobs to run, leaving the combining to a run without one; null for
   *     all jobs
   * @param executors where the missing jobs run: this process, or a cluster
   */
  public record Options(
      List<String> settings,
      Path outOverride,
      int threads,
      StudyLoader.Expansion expansion,
      Shard shard,
      ExecutorChoice executors) {
    /** All jobs, on this machine. */
    public Options(
        List<String> settings, Path outOverride, int threads, StudyLoader.Expansion expansion) {
      this(settings, outOverride, threads, expansion, null, ExecutorChoice.LOCAL);
    }
  }

  /** Where a study's missing jobs run. */
  @FunctionalInterface
  public interface ExecutorChoice {
    /** On this machine's threads. */
    ExecutorChoice LOCAL = (file, study, threads) -> new JobRunner(threads);

    /**
     * The executor for {@code study}, read from {@code file}, running up to {@code threads} jobs at
     * once here.
     */
    JobExecutor forStudy(Path file, Study study, int threads) throws IOException;
  }

  /**
   * What a run did.
   *
   * @param folder the results folder
   * @param jobs jobs of the study
   * @param jobsFound jobs whose result was already on disk and was reused
   */
  public record Outcome(Path folder, int jobs, int jobsFound) {
    public int jobsRun() {
      return jobs - jobsFound;
    }
  }

  /** Loads and checks without running: the study, or a {@code StudyRejectedException}. */
  public Study validate(Path file, String displayName, Options options) {
    return loader.load(file, displayName, options.settings(), options.expansion());
  }

  /**
   * Runs {@code file} and writes its results.
   *
   * @param out where the summary table goes
   * @param progress where progress goes while jobs run
   */
  public Outcome run(
      Path file, String displayName, Options options, PrintWriter out, Progress progress)
      throws IOException, InterruptedException {
    Study study = validate(file, displayName, options);
    // The name passed the folder-name check in validation, so this stays inside results/.
    Path target =
        options.outOverride() != null
            ? options.outOverride()
            : DEFAULT_RESULTS.resolve(study.name());
    ResultsFolder.checkUsable(target);

    String version = BuildInfo.version();
    List<Job> jobs = JobPlanner.jobs(study, BuildInfo.build());
    ResultsFolder folder = ResultsFolder.open(target);
    JobStore store = new JobStore(folder.jobs());
    Map<String, JobResult> results = new HashMap<>();
    for (Job job : jobs) {
      JobResult found = store.find(job);
      if (found != null) {
        results.put(job.fileName(), found);
      }
    }
    List<Job> wanted = options.shard() == null ? jobs : options.shard().of(jobs);
    List<Job> missing = new ArrayList<>();
    for (Job job : wanted) {
      if (!results.containsKey(job.fileName())) {
        missing.add(job);
      }
    }
    int found = wanted.size() - missing.size();
    progress.start(study.name(), wanted.size(), found);
    progress.plannedCost(missing.stream().mapToDouble(Job::relativeCost).sum());
    try (JobExecutor executor = options.executors().forStudy(file, study, options.threads())) {
      results.putAll(executor.run(missing, store, progress));
    }
    progress.close();
    if (options.shard() != null) {
      // The other shards may still be writing into jobs/: no combining and no cleaning up here.
      out.printf(
          Locale.ROOT,
          "shard %s: %d of its %d jobs were already done; ran %d. %d of the study's %d jobs are"
              + " done; a run without --shard combines them (and runs any missing)%n",
          options.shard(),
          found,
          wanted.size(),
          missing.size(),
          results.size(),
          jobs.size());
      out.println("results: " + target);
      out.flush();
      return new Outcome(target, wanted.size(), found);
    }

    CombinedResults combined = CombinedResults.of(study, jobs, results);
    KindReport kindReport = WorkloadKinds.reportFor(study.points().get(0).plan().workload().kind());
    folder.publish(
        staging -> ReportFiles.write(combined, staging, version, kindReport, options.threads()));
    store.removeAllBut(jobs);

    kindReport.printSummary(combined, out);
    if (found > 0) {
      out.printf(
          Locale.ROOT,
          "resumed: %d of %d jobs were already done; ran %d%n",
          found,
          jobs.size(),
          jobs.size() - found);
    }
    if (study.sweepLeftOut()) {
      out.println(
          "note: the study's sweep was left out (run runs one point); rnicsim sweep runs it all");
    }
    out.println("results: " + target);
    out.flush();
    return new Outcome(target, jobs.size(), found);
  }
}
