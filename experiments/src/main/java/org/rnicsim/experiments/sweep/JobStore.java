package org.rnicsim.experiments.sweep;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnicsim.experiments.output.JsonFiles;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code jobs/} folder of a results folder: one file per finished job. Each file is written
 * under a temporary name and renamed, so a file that exists is complete; a kill leaves at most a
 * temporary file, which is ignored and cleaned up.
 */
public final class JobStore {
  private static final String TEMPORARY_PREFIX = ".writing-";
  private static final JsonMapper READER = JsonMapper.builder().build();

  private final Path folder;

  public JobStore(Path folder) {
    this.folder = folder;
  }

  /** The result of {@code job} on disk, or null when missing, unreadable or from another study. */
  public JobResult find(Job job) {
    Path file = folder.resolve(job.fileName());
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JobResult result = READER.readValue(file.toFile(), JobResult.class);
      return job.fingerprint().equals(result.fingerprint()) ? result : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The file contents for {@code measurement} of {@code job}. */
  public static JobResult resultOf(Job job, List<Metric> metrics, Measurement measurement) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      double value = measurement.values().get(i);
      values.put(metrics.get(i).id(), Double.isFinite(value) ? value : null);
    }
    return new JobResult(
        job.fingerprint(),
        job.point().index(),
        job.caseIndex(),
        job.replication(),
        measurement.eventsExecuted(),
        values);
  }

  /** Writes {@code result} as {@code job}'s file, atomically. Safe from several threads. */
  public void write(Job job, JobResult result) throws IOException {
    Path target = folder.resolve(job.fileName());
    Path temporary =
        folder.resolve(
            TEMPORARY_PREFIX
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId()
                + "-"
                + job.fileName());
    JsonFiles.write(temporary, result);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes files that belong to no job of {@code jobs} (a larger earlier grid) and temporary files
   * a killed run left, so the folder holds exactly this study's results.
   */
  public void removeAllBut(List<Job> jobs) throws IOException {
    Set<String> keep = new HashSet<>();
    jobs.forEach(job -> keep.add(job.fileName()));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean ours = name.endsWith(".json") && (name.startsWith("p") || name.startsWith("."));
        if (ours && !keep.contains(name) && Files.isRegularFile(entry)) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }
}
