package org.rnicsim.experiments.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPoint;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * What travels between members, as JSON text: never a model object, so a member needs nothing but
 * the same rnicsim to run any study's job.
 */
final class JobMessages {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JobMessages() {}

  /**
   * Everything a member needs to plan a study as the driver did.
   *
   * @param fileName the study file's name (its extension says YAML or JSON)
   * @param text the study file's text
   * @param settings the {@code --set} options, in order
   * @param defaults the defaults file's text
   * @param profiles the profiles beside the study file ({@code profiles/NAME.yaml}), by name
   * @param inputs the files the study names as input (a size CDF), by the name it wrote: a member
   *     reads these, never its own files
   */
  record StudyText(
      String fileName,
      String text,
      List<String> settings,
      String defaults,
      Map<String, String> profiles,
      Map<String, String> inputs) {}

  /**
   * One job.
   *
   * @param studyId a hash of the study's {@link StudyText}: a member that planned it already needs
   *     nothing more
   * @param study the {@link StudyText} as JSON, sent with a member's first jobs of a study only;
   *     null after
   * @param fingerprint the driver's fingerprint of the job: the member's must equal it
   */
  record JobMessage(
      String studyId,
      String study,
      int point,
      int caseIndex,
      int replication,
      String fingerprint) {}

  /**
   * A job's result and what it took on the member.
   *
   * @param cpuNanos CPU time of the member's thread on the job, -1 where its JVM cannot tell
   * @param wallNanos wall time of the job itself on the member, without reading the message: the
   *     rest of a job's round trip is what the cluster path costs
   */
  record JobReply(JobResult result, long cpuNanos, long wallNanos) {}

  /**
   * The study as members receive it: its text, options, defaults, the profiles beside it and the
   * input files it read.
   */
  static String studyText(Path file, Study study) throws IOException {
    Map<String, String> profiles = new TreeMap<>();
    Path folder = file.toAbsolutePath().getParent().resolve("profiles");
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.yaml")) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          profiles.put(
              name.substring(0, name.length() - ".yaml".length()), Files.readString(entry));
        }
      }
    }
    Map<String, String> inputs = new TreeMap<>();
    for (StudyPoint point : study.points()) {
      inputs.putAll(point.plan().workload().inputFiles());
    }
    return MAPPER.writeValueAsString(
        new StudyText(
            file.getFileName().toString(),
            study.text(),
            study.settings(),
            StudyLoader.builtInDefaults(),
            profiles,
            inputs));
  }

  /** {@code job}'s message, with the study's text or (null) without. */
  static String job(String studyId, String studyText, Job job) {
    return MAPPER.writeValueAsString(
        new JobMessage(
            studyId,
            studyText,
            job.point().index(),
            job.caseIndex(),
            job.replication(),
            job.fingerprint()));
  }

  /** A short, stable name for a study's text: its SHA-256. */
  static String idOf(String studyText) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(studyText.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
