package org.rnicsim.experiments.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.rnicsim.experiments.BuildInfo;
import org.rnicsim.experiments.cluster.JobMessages.JobMessage;
import org.rnicsim.experiments.cluster.JobMessages.JobReply;
import org.rnicsim.experiments.cluster.JobMessages.StudyText;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyInputs;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobPlanner;
import org.rnicsim.experiments.sweep.JobResult;
import org.rnicsim.experiments.sweep.JobRunner;

/**
 * Runs the jobs a member receives. A member plans each study once, from the text the job carries,
 * exactly as the driver did, and runs a job only when its own fingerprint of it equals the
 * driver's: another rnicsim version (or other defaults) would compute something else.
 */
final class JobHandler {
  static final JobHandler INSTANCE = new JobHandler();

  /** Studies planned recently; a worker serves one sweep at a time, seldom more. */
  private static final int STUDIES_KEPT = 4;

  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Map<String, Map<String, Job>> planned =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Job>> eldest) {
          return size() > STUDIES_KEPT;
        }
      };

  /** Where a worker notes each job it ran; null for none (the driver's own member). */
  private volatile PrintWriter log;

  private JobHandler() {}

  void logTo(PrintWriter log) {
    this.log = log;
  }

  /** Runs the job of {@code messageJson} and returns its {@link JobReply} as JSON. */
  String run(String messageJson) {
    long wallStart = System.nanoTime();
    JobMessage message = JobMessages.MAPPER.readValue(messageJson, JobMessage.class);
    Job job = jobsOf(message.studyId(), message.study()).get(key(message));
    if (job == null || !job.fingerprint().equals(message.fingerprint())) {
      throw new ClusterException(
          "a member running rnicsim "
              + BuildInfo.build()
              + " plans job point "
              + message.point()
              + " case "
              + message.caseIndex()
              + " differently from the driver: run the same rnicsim build (the same jar) on every machine");
    }
    PrintWriter out = log;
    if (out != null) {
      // Said before the job starts, so an operator (and the SIGKILL test) sees what a member is
      // in the middle of.
      out.printf(Locale.ROOT, "worker: running %s%n", job.fileName());
      out.flush();
    }
    long cpuStart = JobRunner.threadCpuNanos();
    long jobStart = System.nanoTime();
    JobResult result = JobRunner.measure(job);
    long jobNanos = System.nanoTime() - jobStart;
    long cpuEnd = JobRunner.threadCpuNanos();
    if (out != null) {
      out.printf(
          Locale.ROOT,
          "worker: ran %s in %.0f ms%n",
          job.fileName(),
          (System.nanoTime() - wallStart) / 1e6);
      out.flush();
    }
    return JobMessages.MAPPER.writeValueAsString(
        new JobReply(result, cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart, jobNanos));
  }

  private static String key(JobMessage message) {
    return message.point() + "/" + message.caseIndex() + "/" + message.replication();
  }

  /**
   * The jobs of study {@code studyId} by point, case and replication, planned from {@code
   * studyJson} the first time; without the text, an {@link UnknownStudyException} when not planned.
   */
  private synchronized Map<String, Job> jobsOf(String studyId, String studyJson) {
    Map<String, Job> jobs = planned.get(studyId);
    if (jobs == null) {
      if (studyJson == null) {
        throw new UnknownStudyException(studyId);
      }
      if (!JobMessages.idOf(studyJson).equals(studyId)) {
        throw new ClusterException("a job's study text does not match its id " + studyId);
      }
      jobs = new HashMap<>();
      for (Job job : JobPlanner.jobs(plan(studyJson), BuildInfo.build())) {
        jobs.put(job.point().index() + "/" + job.caseIndex() + "/" + job.replication(), job);
      }
      planned.put(studyId, jobs);
    }
    return jobs;
  }

  /**
   * Loads the study as the driver did: its profiles go into a {@code profiles/} folder beside where
   * the study file would be, which the loader searches first, and are deleted again.
   */
  private static Study plan(String studyJson) {
    StudyText study = JobMessages.MAPPER.readValue(studyJson, StudyText.class);
    Path folder = null;
    try {
      folder = Files.createTempDirectory("rnicsim-worker-");
      Path profiles = Files.createDirectory(folder.resolve("profiles"));
      for (Map.Entry<String, String> profile : study.profiles().entrySet()) {
        if (!PROFILE_NAME.matcher(profile.getKey()).matches()) {
          throw new ClusterException("refused a job naming profile '" + profile.getKey() + "'");
        }
        Files.writeString(profiles.resolve(profile.getKey() + ".yaml"), profile.getValue());
      }
      Path file = folder.resolve(Path.of(study.fileName()).getFileName().toString());
      Map<String, String> inputs = study.inputs() == null ? Map.of() : study.inputs();
      return new StudyLoader(WorkloadKinds.all(), study.defaults(), new ProfileCatalog())
          .readingInputs(StudyInputs.carried(inputs))
          .load(
              study.text(), file, study.fileName(), study.settings(), StudyLoader.Expansion.SWEEP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StudyRejectedException e) {
      throw new ClusterException(
          "a member running rnicsim "
              + BuildInfo.version()
              + " rejects the study "
              + study.fileName()
              + " ("
              + e.getMessage()
              + "): run the same rnicsim version on every machine");
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (var entries = Files.walk(folder)) {
      entries.sorted(java.util.Comparator.reverseOrder()).forEach(JobHandler::deleteOne);
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // As above.
    }
  }
}
