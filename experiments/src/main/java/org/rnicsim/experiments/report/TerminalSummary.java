package org.rnicsim.experiments.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.StudyPlan;

/** The few lines a user reads first: what ran, and each charted metric's mean and interval. */
public final class TerminalSummary {
  /** A terminal shows this many rows usefully; the rest are in the files. */
  private static final int MAX_ROWS = 40;

  private TerminalSummary() {}

  public static void print(CombinedResults results, PrintWriter out) {
    out.println(headline(results));
    printTable(results, out);
  }

  /** The first line: what ran, how often, with which seed. */
  public static String headline(CombinedResults results) {
    StudyPlan first = results.study().points().get(0).plan();
    return String.format(
        Locale.ROOT,
        "%s: %s; %d replication(s) of %s, seed %d; %d point(s), %d job(s)",
        results.study().name(),
        first.workload().describe(),
        first.run().replications(),
        first.workload().measuredSpan(first.run()),
        first.run().seed(),
        results.study().points().size(),
        results.study().jobCount());
  }

  private static void printTable(CombinedResults results, PrintWriter out) {
    List<String> header = new ArrayList<>();
    for (AxisPlan axis : results.study().axes()) {
      header.add(axis.path());
    }
    boolean groups = results.caseAxis().hasGroups();
    if (groups) {
      header.add(results.caseAxis().groupName());
    }
    header.add(results.caseAxis().name());
    List<Integer> shown = new ArrayList<>();
    for (int m = 0; m < results.metrics().size(); m++) {
      Metric metric = results.metrics().get(m);
      if (metric.charted()) {
        shown.add(m);
        header.add(PointTable.title(metric));
        header.add("95% CI +/-");
        if (results.hasReference(m)) {
          header.add("reference");
        }
      }
    }
    header.add("events");
    List<List<String>> rows = new ArrayList<>();
    for (ResultRow row : results.rows()) {
      if (rows.size() == MAX_ROWS) {
        break;
      }
      List<String> cells = new ArrayList<>();
      row.coordinates().forEach(value -> cells.add(value.label()));
      if (groups) {
        cells.add(row.caseGroup());
      }
      cells.add(Numbers.text(row.caseValue()));
      for (int m : shown) {
        ConfidenceInterval interval = row.metrics().get(m);
        cells.add(interval == null ? "n/a" : Numbers.text(interval.mean()));
        cells.add(
            interval == null || Double.isNaN(interval.halfWidth())
                ? "n/a"
                : Numbers.text(interval.halfWidth()));
        if (results.hasReference(m)) {
          cells.add(Numbers.text(row.references().get(m)));
        }
      }
      cells.add(Long.toString(row.eventsExecuted()));
      rows.add(cells);
    }
    printAligned(out, header, rows);
    if (results.rows().size() > MAX_ROWS) {
      out.printf(
          Locale.ROOT, "... %d more rows in results.csv%n", results.rows().size() - MAX_ROWS);
    }
  }

  /** Prints {@code rows} under {@code header}, every column right-aligned to its widest cell. */
  public static void printAligned(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    printRow(out, header, widths);
    rows.forEach(row -> printRow(out, row, widths));
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(" ".repeat(widths[i] - cells.get(i).length())).append(cells.get(i));
    }
    out.println(line);
  }
}
