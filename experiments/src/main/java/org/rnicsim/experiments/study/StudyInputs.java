package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files a study names as input besides its own text (a flows workload's size CDF). They are
 * read once, where the study is loaded, and from then on travel as text: a job's fingerprint hashes
 * them, so editing one reruns what depends on it on resume, and a cluster job carries them, so a
 * member needs no files of its own. Each is keyed by the name the study wrote, which resolves the
 * same way wherever the same study text is loaded.
 */
public final class StudyInputs {
  /** An input file larger than this is refused, as a study file is. */
  static final long MAX_FILE_BYTES = ConfigFileReader.MAX_FILE_BYTES;

  /** The texts a driver sent, by written name; null where files are read from disk. */
  private final Map<String, String> carried;

  private StudyInputs(Map<String, String> carried) {
    this.carried = carried;
  }

  /** Reads each input from the file its name resolves to. */
  public static StudyInputs fromDisk() {
    return new StudyInputs(null);
  }

  /** Serves only {@code texts} (by written name), as a cluster member does: it reads no file. */
  public static StudyInputs carried(Map<String, String> texts) {
    return new StudyInputs(Map.copyOf(texts));
  }

  /**
   * An input's text, or why there is none.
   *
   * @param text the file's text, null when refused
   * @param refusal why it cannot be read ("no such file ..."), null when read
   */
  public record Text(String text, String refusal) {}

  /**
   * The text of the input the study wrote as {@code written}, which resolves to {@code file}: a
   * regular file of at most {@link #MAX_FILE_BYTES}. A device, a pipe or a folder is refused.
   */
  public Text read(String written, Path file) {
    if (carried != null) {
      String text = carried.get(written);
      return text != null
          ? new Text(text, null)
          : new Text(null, "not among the files the sweep's driver sent");
    }
    if (!Files.exists(file)) {
      return new Text(null, "no such file " + file);
    }
    if (!Files.isRegularFile(file)) {
      return new Text(null, file + " is not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // At most one byte past the limit, whatever size the file claims.
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      return new Text(null, "cannot read " + file + ": " + e.getMessage());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return new Text(null, file + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return new Text(new String(bytes, StandardCharsets.UTF_8), null);
  }
}
