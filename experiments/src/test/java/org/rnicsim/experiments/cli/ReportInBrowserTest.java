package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a sweep's report.html in headless Chromium, as a reader would, and checks that every chart
 * rendered with a size and that the page logged no error. A copy of the report gets a small probe
 * script; the report itself has no script at all.
 */
class ReportInBrowserTest {

  /** Runs at page load: measures every image and SVG, collects errors, writes one line. */
  private static final String PROBE =
      String.join(
          "\n",
          "<script>",
          "window.rnicsimErrors = [];",
          "window.addEventListener('error', e => window.rnicsimErrors.push(",
          "  String(e.message || (e.target && (e.target.src || e.target.tagName)))), true);",
          "const originalError = console.error;",
          "console.error = (...args) => { window.rnicsimErrors.push(args.join(' '));",
          "  originalError(...args); };",
          "window.addEventListener('load', () => {",
          "  const drawn = [...document.images, ...document.querySelectorAll('svg')];",
          "  const bad = drawn.filter(e => { const r = e.getBoundingClientRect();",
          "    return r.width === 0 || r.height === 0",
          "      || (e.tagName === 'IMG' && (!e.complete || e.naturalWidth === 0)); })",
          "    .map(e => e.alt || e.tagName);",
          "  const line = document.createElement('pre');",
          "  line.textContent = 'RNICSIM-CHECK charts=' + drawn.length + ' bad='",
          "    + JSON.stringify(bad) + ' errors=' + JSON.stringify(window.rnicsimErrors);",
          "  document.body.appendChild(line);",
          "});",
          "</script>");

  private static final Pattern CHECK =
      Pattern.compile("RNICSIM-CHECK charts=(\\d+) bad=(\\[.*?]) errors=(\\[.*?])<");

  @TempDir Path dir;

  @Test
  void whenReportIsOpenedInChromium_thenEveryChartRendersAndNoErrorIsLogged() throws Exception {
    assumeTrue(HeadlessChromium.present(), HeadlessChromium.ABSENT);
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SweepCommandTest.SMALL_SWEEP);
    Path out = dir.resolve("out");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", out.toString()).exitCode());
    assertEveryChartRenders(out.resolve("report.html"), 1);
  }

  @Test
  void whenAnRdmaReportIsOpenedInChromium_thenItsLatencyCdfAndStageChartsRender() throws Exception {
    assumeTrue(HeadlessChromium.present(), HeadlessChromium.ABSENT);
    Path out = dir.resolve("out");
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "../configs/quickstart.yaml",
            "--out",
            out.toString(),
            "--set",
            "workload.iterations=20",
            "--set",
            "run.replications=2");
    assertEquals(0, run.exitCode(), run.err());
    // latency vs size, latency CDF, stage breakdown
    assertEveryChartRenders(out.resolve("report.html"), 3);
  }

  private void assertEveryChartRenders(Path reportFile, int charts) throws Exception {
    String report = Files.readString(reportFile);
    assertTrue(!report.contains("<script"), "the report itself runs no script");
    assertTrue(!report.contains("src=\"http") && !report.contains("href=\"http"), "self-contained");
    Path probed =
        Files.writeString(
            dir.resolve("probed.html"),
            report.replace("<head>", "<head>\n" + PROBE),
            StandardCharsets.UTF_8);

    String dom = dumpDom(probed);

    Matcher check = CHECK.matcher(dom);
    assertTrue(check.find(), "the probe did not run; Chromium printed:\n" + tail(dom));
    assertEquals(Integer.toString(charts), check.group(1), "charts in the report");
    assertEquals("[]", check.group(2), "charts that did not render");
    assertEquals("[]", check.group(3), "errors while loading the report");
  }

  private String dumpDom(Path page) throws Exception {
    return HeadlessChromium.dumpDom(page, dir);
  }

  private String tail(String dom) throws Exception {
    return HeadlessChromium.tail(dom, dir);
  }
}
