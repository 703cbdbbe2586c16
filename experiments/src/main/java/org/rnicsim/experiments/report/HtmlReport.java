package org.rnicsim.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyPlan;

/**
 * {@code report.html}: one self-contained page per study (charts embedded as PNG data URIs, no
 * script, no external file) that can be mailed or archived as it is. It says what was run (version,
 * seed, replications, settings), shows every chart and the results table, and echoes the study file
 * verbatim so the page alone is enough to rerun it.
 */
final class HtmlReport {
  static final String FILE = "report.html";

  private HtmlReport() {}

  static void write(
      CombinedResults results,
      CsvTable table,
      List<ChartFile> charts,
      List<String> moreTables,
      Path folder,
      String rnicsimVersion)
      throws IOException {
    Study study = results.study();
    StudyPlan first = study.points().get(0).plan();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>rnicsim: ")
        .append(escape(study.name()))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1360px;margin:1em auto;padding:0 1em;")
        .append("color:#222}\nh1{margin:0.3em 0}\np.question{font-size:1.15em;margin:0.3em 0}\n")
        // The answer first: the headline table and the main chart side by side on a laptop
        // screen (1400 x 900), the table scrolling inside its box when a sweep is long.
        .append(".headline{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}\n")
        .append(".headline .answer{flex:0 1 560px;max-height:600px;overflow:auto}\n")
        .append(".headline figure{flex:1 1 700px;margin:0;max-width:760px}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n")
        .append("th,td{border:1px solid #ccc;padding:0.25em 0.5em;text-align:right}\n")
        .append("th{background:#f0f0f0}\ntable.facts th,table.facts td{text-align:left}\n")
        .append("figure{margin:1.5em 0}\nimg{max-width:100%;height:auto;border:1px solid #ddd}\n")
        .append("pre{background:#f7f7f7;border:1px solid #ddd;padding:1em;overflow-x:auto}\n")
        .append(".results{overflow:auto;max-height:80vh}\n.results th{position:sticky;top:0}\n")
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(study.name())).append("</h1>\n");
    String question = Headline.question(study);
    if (!question.isEmpty()) {
      html.append("<p class=\"question\">").append(escape(question)).append("</p>\n");
    }
    if (!question.equals(study.description()) && !study.description().isEmpty()) {
      html.append("<p>").append(escape(study.description())).append("</p>\n");
    }
    html.append("<div class=\"headline\">\n<div class=\"answer\">");
    appendTable(html, Headline.table(results), "headline");
    html.append("</div>\n");
    if (!charts.isEmpty()) {
      appendChart(html, charts.get(0), folder, 760, 473);
    }
    html.append("</div>\n");

    html.append("<h2>What was run</h2>\n<table class=\"facts\">\n");
    fact(html, "rnicsim version", rnicsimVersion);
    fact(html, "study file", String.valueOf(Path.of(study.displayName()).getFileName()));
    fact(
        html,
        "command-line settings",
        study.settings().isEmpty() ? "none" : String.join("  ", study.settings()));
    fact(html, "workload", first.workload().describe());
    fact(html, "seed", Long.toString(first.run().seed()));
    fact(html, "replications per point", Integer.toString(first.run().replications()));
    fact(html, "measured per replication", first.workload().measuredSpan(first.run()));
    for (AxisPlan axis : study.axes()) {
      fact(
          html,
          "swept " + axis.path(),
          String.join(", ", axis.values().stream().map(AxisValue::label).toList()));
    }
    fact(
        html,
        "points, jobs",
        String.format(Locale.ROOT, "%d, %d", study.points().size(), study.jobCount()));
    fact(html, "simulator events", String.format(Locale.ROOT, "%,d", results.eventsExecuted()));
    fact(html, "intervals", "95 % confidence, Student t across replications");
    html.append("</table>\n");

    if (charts.size() > 1) {
      html.append("<h2>More charts</h2>\n");
    }
    for (ChartFile chart : charts.subList(Math.min(1, charts.size()), charts.size())) {
      appendChart(html, chart, folder, 900, 560);
    }

    html.append("<h2>Results</h2>\n<p>Also in ")
        .append(PointTable.FILE)
        .append(" and summary.json");
    if (!moreTables.isEmpty()) {
      html.append("; the charts' data in ").append(escape(String.join(", ", moreTables)));
    }
    html.append(".</p>\n<div class=\"results\">");
    appendTable(html, table, "results");
    html.append("</div>\n");

    html.append("<h2>Study file</h2>\n<p>")
        .append(escape(String.valueOf(Path.of(study.displayName()).getFileName())))
        .append(", as it was run:</p>\n<pre>")
        .append(escape(study.text()))
        .append("</pre>\n</body>\n</html>\n");
    Files.writeString(folder.resolve(FILE), html, StandardCharsets.UTF_8);
  }

  private static void appendTable(StringBuilder html, CsvTable table, String cssClass) {
    html.append("<table class=\"").append(cssClass).append("\">\n<tr>");
    table.header().forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
    html.append("</tr>\n");
    for (List<String> row : table.rows()) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>");
  }

  private static void appendChart(
      StringBuilder html, ChartFile chart, Path folder, int width, int height) throws IOException {
    byte[] png = Files.readAllBytes(folder.resolve(chart.name() + ".png"));
    html.append("<figure>\n<img alt=\"")
        .append(escape(chart.title()))
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\">\n<figcaption>")
        .append(escape(chart.title()))
        .append(" (also ")
        .append(escape(chart.name()))
        .append(".png and .svg)</figcaption>\n</figure>\n");
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<tr><th>")
        .append(escape(name))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>\n");
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
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
