package org.rnicsim.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts fixed when the jar was built. */
public final class BuildInfo {
  private static final String VERSION = load();

  private BuildInfo() {}

  /** The Maven project version, for example {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  /**
   * The version and a digest of rnicsim's own classes ({@code 0.1.0-SNAPSHOT+3f9a0c2b71de}): what a
   * job's result depends on besides its study point, so a results folder resumed by another build
   * (a new version, or a snapshot rebuilt from changed sources) reruns its jobs instead of mixing
   * two builds' results. Worked out once, the first time it is asked for (it reads every class
   * file, some tens of milliseconds).
   */
  public static String build() {
    return Build.ID;
  }

  private static final class Build {
    static final String ID = VERSION + "+" + CodeDigest.ofLoadedClasses();
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version", "unknown");
    // Unfiltered (run from an IDE without Maven resource processing): say so rather than print a
    // placeholder.
    return version.startsWith("${") ? "unknown" : version;
  }
}
