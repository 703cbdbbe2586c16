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
