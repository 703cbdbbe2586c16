package org.rnicsim.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in headless Chromium and returns the DOM after its scripts ran at load: how the
 * browser tests read what a page drew. Chromium's own messages go to {@code chromium.log} in the
 * working folder.
 */
public final class HeadlessChromium {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final String ABSENT =
      "skipped: /usr/bin/chromium is absent (Debian package 'chromium'; .ci/run installs it)";

  private HeadlessChromium() {}

  public static boolean present() {
    return Files.isExecutable(CHROMIUM);
  }

  /** The DOM of {@code page} after load; {@code workDir} holds the profile, output and log. */
  public static String dumpDom(Path page, Path workDir) throws Exception {
    return dumpDom(page, workDir, 1200, 2000);
  }

  /** The DOM of {@code page} after load in a window of the given size in CSS pixels. */
  public static String dumpDom(Path page, Path workDir, int widthPx, int heightPx)
      throws Exception {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    Path output = Files.createTempFile(workDir, "dom", ".html");
    Process chromium =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--window-size=" + widthPx + "," + heightPx,
                    "--dump-dom",
                    page.toUri().toString()))
            .redirectOutput(output.toFile())
            .redirectError(workDir.resolve("chromium.log").toFile())
            .start();
    if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 120 s");
    }
    return Files.readString(output);
  }

  /** The end of a DOM dump and of Chromium's log, for a failure message. */
  public static String tail(String dom, Path workDir) throws Exception {
    String log = Files.readString(workDir.resolve("chromium.log"));
    return dom.substring(Math.max(0, dom.length() - 500))
        + "\n--- stderr ---\n"
        + log.substring(Math.max(0, log.length() - 2000));
  }
}
