package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * {@code lesson.html}: one self-contained page per lesson (the chart embedded as a PNG data URI,
 * its one script inline, no external file): the story, the step-through timeline and panel ({@link
 * StepThroughPage}), the narration beside the whole chart, the verifier's report, and the lesson
 * file as it was run.
 */
final class LessonPage {

  private LessonPage() {}

  static void write(Lesson lesson, Timeline timeline, int chartHeight, Path folder)
      throws IOException {
    byte[] png = Files.readAllBytes(folder.resolve(TimelineFiles.NAME + ".png"));
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(lesson.heading()))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:1.5em;color:#222}\n")
        .append(".story{max-width:60em}\n")
        .append(".side{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5em;")
        .append("align-items:start}\n")
        .append(".chart{position:sticky;top:0.5em}\n")
        .append("img{max-width:100%;height:auto;border:1px solid #ddd}\n")
        .append("table{border-collapse:collapse;font-size:0.8em}\n")
        .append("td,th{border-bottom:1px solid #eee;padding:0.2em 0.4em;text-align:left;")
        .append("vertical-align:top}\n")
        .append("td.t{text-align:right;white-space:nowrap;font-family:monospace}\n")
        .append("td.e{font-family:monospace}\n")
        .append("tr.consumer td.e{color:#1f4e9c}\ntr.provider td.e{color:#6a3d9a}\n")
        .append("tr.verifier td{background:#fde0e0}\n")
        .append("pre{background:#f7f7f7;border:1px solid #ddd;padding:1em;overflow-x:auto}\n")
        .append(
            "@media (max-width:1100px){.side{grid-template-columns:1fr}.chart{position:static}}\n")
        .append(StepThroughPage.css())
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(lesson.heading())).append("</h1>\n");
    html.append("<p>ndkpi-spec: ")
        .append(escape(String.join("; ", lesson.spec())))
        .append(lesson.invariants().isEmpty() ? "" : " &middot; invariants ")
        .append(escape(Narration.join(lesson.invariants())))
        .append("</p>\n");
    for (String paragraph : lesson.story().split("\n\\s*\n")) {
      html.append("<p class=\"story\">").append(escape(paragraph.strip())).append("</p>\n");
    }
    html.append(StepThroughPage.html(timeline, RuleTexts.builtIn()));
    html.append("<h2>The whole run</h2>\n");
    html.append("<div class=\"side\">\n<div class=\"chart\"><img alt=\"")
        .append(escape("timeline of " + lesson.heading()))
        .append("\" width=\"")
        .append(TimelineFiles.WIDTH)
        .append("\" height=\"")
        .append(chartHeight)
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\"><p>Also timeline.png and timeline.svg.</p></div>\n");
    html.append("<div><table>\n<tr><th>time</th><th>actor</th><th>event</th><th>what it shows</th>")
        .append("</tr>\n");
    boolean multiHost = Narration.multiHost(timeline);
    for (int i = 0; i < timeline.entries().size(); i++) {
      TimelineEntry e = timeline.entries().get(i);
      String placement = Narration.placement(e, multiHost);
      html.append("<tr id=\"row-")
          .append(i)
          .append("\" class=\"")
          .append(e.actor().label().toLowerCase(java.util.Locale.ROOT))
          .append(e.kind() == EntryKind.VIOLATION ? " verifier" : "")
          .append("\"><td class=\"t\">")
          .append(escape(Narration.time(e.timePs()).strip()))
          .append("</td><td>")
          .append(escape(e.actor().label()))
          .append("</td><td class=\"e\">")
          .append(escape(Narration.event(e)))
          .append(placement.isEmpty() ? "" : "<br>" + escape(placement))
          .append("</td><td>")
          .append(escape(e.sentence()))
          .append("</td></tr>\n");
    }
    html.append("</table></div>\n</div>\n");
    html.append("<h2>Lifetime verifier</h2>\n<pre>")
        .append(escape(Narration.verdict(lesson, timeline)))
        .append("</pre>\n");
    html.append("<h2>Lesson file</h2>\n<p>")
        .append(escape(lesson.displayName()))
        .append(", as it was run (rnicsim lesson run ")
        .append(lesson.number())
        .append("):</p>\n<pre>")
        .append(escape(lesson.text()))
        .append("</pre>\n</body>\n</html>\n");
    Files.writeString(folder.resolve(LessonOutput.PAGE), html, StandardCharsets.UTF_8);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
