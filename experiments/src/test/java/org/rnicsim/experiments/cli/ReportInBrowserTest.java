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
 * rendered with a size, that the headline table and the main chart are on the first screen of a
 * 1400 x 900 window, and that the page logged no error. A copy of the report gets a small probe
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
          // The answer must be on the first screen: the headline table's box and its header
          // row inside the window, before any scrolling, and the main chart beside it.
          "  const box = document.querySelector('.headline .answer');",
          "  const head = box && box.querySelector('table.headline tr');",
          "  const main = document.querySelector('.headline figure img');",
          "  const inView = e => { if (!e) return false; const r = e.getBoundingClientRect();",
          "    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0",
          "      && r.bottom <= window.innerHeight && r.right <= window.innerWidth; };",
          "  const line = document.createElement('pre');",
          "  line.textContent = 'RNICSIM-CHECK charts=' + drawn.length + ' bad='",
          "    + JSON.stringify(bad) + ' errors=' + JSON.stringify(window.rnicsimErrors)",
          "    + ' headline=' + (inView(box) && inView(head)) + ' main=' + inView(main)",
          "    + ' window=' + window.innerWidth + 'x' + window.innerHeight;",
          "  document.body.appendChild(line);",
          "});",
          "</script>");

  private static final Pattern CHECK =
      Pattern.compile(
          "RNICSIM-CHECK charts=(\\d+) bad=(\\[.*?]) errors=(\\[.*?]) headline=(\\w+)"
              + " main=(\\w+) window=(\\d+)x(\\d+)<");

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
    // A 1400 x 900 window leaves the page less than 900 pixels of height: the stricter test.
    assertEquals("1400", check.group(6), "the probe measured in a 1400 pixel wide window");
    assertTrue(Integer.parseInt(check.group(7)) <= 900, "at most 900 pixels high");
    assertEquals("true", check.group(4), "headline table visible without scrolling");
    assertEquals("true", check.group(5), "main chart visible without scrolling");
  }

  private String dumpDom(Path page) throws Exception {
    // A planner's laptop window: the answer must fit it without scrolling.
    return HeadlessChromium.dumpDom(page, dir, 1400, 900);
  }

  private String tail(String dom) throws Exception {
    return HeadlessChromium.tail(dom, dir);
  }
}
