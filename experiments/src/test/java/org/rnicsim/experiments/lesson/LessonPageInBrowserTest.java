package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.cli.HeadlessChromium;

/**
 * Opens a lesson's step-through page in headless Chromium and steps through it with the arrow keys
 * as a student would: each step moves the highlighted event and changes the panel, stepping back
 * returns to the same state, and the page logs no error. A copy of the page gets a probe script.
 */
@Timeout(180)
class LessonPageInBrowserTest {

  /** After load: presses keys, records the highlighted mark, row and panel after each. */
  private static final String PROBE =
      String.join(
          "\n",
          "<script>",
          "window.rnicsimErrors = [];",
          "window.addEventListener('error', e => window.rnicsimErrors.push(String(e.message)));",
          "const originalError = console.error;",
          "console.error = (...args) => { window.rnicsimErrors.push(args.join(' '));",
          "  originalError(...args); };",
          "window.addEventListener('load', () => {",
          "  const seen = [];",
          "  const look = () => {",
          "    const marks = [...document.querySelectorAll('circle.current')].map(c => c.id);",
          "    const rows = [...document.querySelectorAll('tr.current')].map(r => r.id);",
          "    const links = document.querySelectorAll('line.on').length;",
          "    seen.push(marks.join('+') + '|' + rows.join('+') + '|' + links + '|'",
          "      + document.getElementById('event').textContent + '|'",
          "      + document.getElementById('rules').textContent.length);",
          "  };",
          "  const press = key => document.dispatchEvent(new KeyboardEvent('keydown', {key}));",
          "  look();",
          "  for (const key of KEYS) { press(key); look(); }",
          "  const line = document.createElement('pre');",
          "  line.textContent = 'RNICSIM-STEPS ' + JSON.stringify(seen) + ' ERRORS '",
          "    + JSON.stringify(window.rnicsimErrors) + ' END';",
          "  document.body.appendChild(line);",
          "});",
          "</script>");

  private static final Pattern RESULT =
      Pattern.compile("RNICSIM-STEPS (\\[.*?]) ERRORS (\\[.*?]) END", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void steppingWithTheArrowKeys_movesTheHighlightAndThePanel_withoutErrors() throws Exception {
    assumeTrue(HeadlessChromium.present(), HeadlessChromium.ABSENT);
    Path out = dir.resolve("lesson3");
    LessonCommandTest.Run run = LessonCommandTest.rnicsim("lesson", "run", "3", "--out", "" + out);
    assertEquals(0, run.exitCode(), run.err());
    String page = Files.readString(out.resolve("lesson.html"), StandardCharsets.UTF_8);
    assertFalse(page.contains("src=\"http") || page.contains("href=\"http"), "self-contained");
    String keys = "['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'End']";
    Path probed =
        Files.writeString(
            dir.resolve("probed.html"),
            page.replace("<head>", "<head>\n" + PROBE.replace("KEYS", keys)),
            StandardCharsets.UTF_8);

    String dom = dumpDom(probed);
    Matcher result = RESULT.matcher(dom);
    assertTrue(result.find(), "the probe did not run; Chromium printed:\n" + tail(dom));
    assertEquals("[]", result.group(2), "errors in the page");
    List<String> seen = List.of(result.group(1).replaceAll("^\\[\"|\"]$", "").split("\",\""));
    assertEquals(6, seen.size(), result.group(1));
    assertTrue(seen.get(0).startsWith("ev-0|row-0|"), seen.get(0));
    assertTrue(seen.get(1).startsWith("ev-1|row-1|"), seen.get(1));
    assertTrue(seen.get(3).startsWith("ev-3|row-3|"), seen.get(3));
    assertNotEquals(field(seen.get(0), 3), field(seen.get(1), 3), "the panel changed");
    assertEquals(seen.get(2), seen.get(4), "one step back shows the step before again");
    // The last event, lesson 3's CloseAdapter return, is reached through the QP's close: the
    // panel names it and quotes its rule.
    assertTrue(field(seen.get(5), 3).startsWith("CloseAdapter returns adapter"), seen.get(5));
    assertNotEquals("0", field(seen.get(5), 4), "the rule's text is shown");
  }

  @Test
  void aCallbackHighlightsItsChainOfCauses_backToTheCall() throws Exception {
    assumeTrue(HeadlessChromium.present(), HeadlessChromium.ABSENT);
    Path out = dir.resolve("lesson1");
    assertEquals(0, LessonCommandTest.rnicsim("lesson", "run", "2", "--out", "" + out).exitCode());
    String page = Files.readString(out.resolve("lesson.html"), StandardCharsets.UTF_8);
    // Step to the CQ's create completion: the fifth event after the create (issued, done, EQE,
    // MSI-X, DPC, callback) lights the five links of its chain.
    int callback = page.indexOf("<td class=\"e\">CreateCompletion cq -&gt; STATUS_SUCCESS");
    assertTrue(callback > 0);
    String keys = "Array(" + indexOfRow(page, callback) + ").fill('ArrowRight')";
    Path probed =
        Files.writeString(
            dir.resolve("probed.html"),
            page.replace("<head>", "<head>\n" + PROBE.replace("KEYS", keys)),
            StandardCharsets.UTF_8);
    Matcher result = RESULT.matcher(dumpDom(probed));
    assertTrue(result.find());
    assertEquals("[]", result.group(2), "errors in the page");
    String last = result.group(1).replaceAll("^.*\",\"", "").replaceAll("\"]$", "");
    assertTrue(field(last, 3).startsWith("CreateCompletion cq"), last);
    assertEquals("6", field(last, 2), "links lit from the callback back to CreateCq: " + last);
  }

  /** The narration row index of the first table row after {@code at}'s start of row. */
  private static int indexOfRow(String page, int at) {
    int row = page.lastIndexOf("<tr id=\"row-", at);
    int end = page.indexOf('"', row + 12);
    return Integer.parseInt(page.substring(row + 12, end));
  }

  private static String field(String seen, int index) {
    return seen.split("\\|", -1)[index];
  }

  private String dumpDom(Path page) throws Exception {
    return HeadlessChromium.dumpDom(page, dir);
  }

  private String tail(String dom) throws Exception {
    return HeadlessChromium.tail(dom, dir);
  }
}
