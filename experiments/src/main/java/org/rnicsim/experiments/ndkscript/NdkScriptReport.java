package org.rnicsim.experiments.ndkscript;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.chart.GroupedCiBarChart;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.report.ChartFile;
import org.rnicsim.experiments.report.ChosenCharts;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.KindReport;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.report.TerminalSummary;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.Metric;

/**
 * What an {@code ndk-script} study adds: the create and close latency of each object type and of
 * each closed object as bars with 95 % intervals (one series per sweep point), their table as CSV,
 * the verifier's findings by invariant, and a terminal summary a driver writer reads at a glance.
 */
public final class NdkScriptReport implements KindReport {
  static final String LIFETIMES = "lifetimes";
  static final String OBJECT_CLOSES = "object-closes";
  static final String TABLE = "lifetimes.csv";
  static final String VIOLATIONS = "violations.csv";

  @Override
  public List<ChartFile> writeFiles(CombinedResults results, Path folder, ChartBatch batch)
      throws IOException {
    String subtitle =
        "mean over "
            + results.rows().get(0).replications()
            + " replications, 95 % confidence intervals (Student t)";
    ChosenCharts chosen =
        new ChosenCharts(results.study().charts())
            .draw(LIFETIMES, () -> typeLatencies(results, subtitle, folder, batch))
            .draw(OBJECT_CLOSES, () -> objectCloses(results, subtitle, folder, batch));
    latencyTable(results).write(folder.resolve(TABLE));
    violationTable(results).write(folder.resolve(VIOLATIONS));
    return chosen.files();
  }

  private static Optional<ChartFile> typeLatencies(
      CombinedResults results, String subtitle, Path folder, ChartBatch batch) {
    String title = "Create and close latency per object type";
    batch.add(
        GroupedCiBarChart.create(
            title, subtitle, "latency (us)", bars(results, LatencyRow.Scope.KIND)),
        folder,
        LIFETIMES);
    return Optional.of(new ChartFile(LIFETIMES, title));
  }

  private static Optional<ChartFile> objectCloses(
      CombinedResults results, String subtitle, Path folder, ChartBatch batch) {
    List<GroupedCiBarChart.Bar> closes = new ArrayList<>();
    for (GroupedCiBarChart.Bar bar : bars(results, LatencyRow.Scope.OBJECT)) {
      if (bar.category().startsWith("close ")) {
        closes.add(
            new GroupedCiBarChart.Bar(
                bar.series(), bar.category().substring(6), bar.mean(), bar.halfWidth()));
      }
    }
    if (closes.isEmpty()) {
      return Optional.empty();
    }
    String title = "Close latency per object (call to close completion)";
    batch.add(
        GroupedCiBarChart.create(title, subtitle, "latency (us)", closes), folder, OBJECT_CLOSES);
    return Optional.of(new ChartFile(OBJECT_CLOSES, title));
  }

  @Override
  public List<String> tableFiles(CombinedResults results) {
    return List.of(TABLE, VIOLATIONS);
  }

  /** Against a swept parameter the generic charts say how it moves; one point needs none. */
  @Override
  public boolean drawsMetricCharts(CombinedResults results) {
    return !results.study().axes().isEmpty();
  }

  @Override
  public void printSummary(CombinedResults results, PrintWriter out) {
    out.println(TerminalSummary.headline(results));
    for (ResultRow row : results.rows()) {
      String point = pointLabel(results, row);
      if (!point.isEmpty()) {
        out.println();
        out.println(point);
      }
      List<List<String>> cells = new ArrayList<>();
      for (LatencyRow latency : LatencyRow.of(results, row)) {
        cells.add(
            List.of(
                latency.scope() == LatencyRow.Scope.KIND
                    ? latency.subject()
                    : "  " + latency.subject(),
                latency.action(),
                us(latency.interval().mean()),
                us(latency.interval().halfWidth())));
      }
      TerminalSummary.printAligned(out, List.of("object", "", "mean (us)", "95% CI +/-"), cells);
      out.println(counts(results, row));
      out.println(violations(results, row));
    }
  }

  private static String counts(CombinedResults results, ResultRow row) {
    StringBuilder line = new StringBuilder("per replication:");
    String[][] figures = {
      {"callbacks", "callbacks"},
      {"cq_notifications", "CQ notifications"},
      {"doorbells", "doorbells"},
      {"interrupts", "MSI-X interrupts"},
      {"firmware_commands", "firmware commands"}
    };
    for (String[] figure : figures) {
      line.append(' ')
          .append(mean(results, row, figure[0]))
          .append(' ')
          .append(figure[1])
          .append(',');
    }
    line.append(" ends at ").append(mean(results, row, "end_time_us")).append(" us");
    return line.toString();
  }

  private static String violations(CombinedResults results, ResultRow row) {
    List<String> found = new ArrayList<>();
    for (int n = 1; n <= ScriptLayout.INVARIANTS; n++) {
      ConfidenceInterval interval = interval(results, row, ScriptLayout.invariantId(n));
      if (interval != null && interval.mean() > 0) {
        found.add("invariant " + n + " x" + number(interval.mean()));
      }
    }
    return found.isEmpty()
        ? "lifetime verifier: no violations"
        : "lifetime verifier, violations per replication: " + String.join(", ", found);
  }

  private static CsvTable latencyTable(CombinedResults results) {
    List<String> header = new ArrayList<>(axisColumns(results));
    header.addAll(
        List.of("scope", "object", "action", "mean_ns", "ci95_half_width_ns", "replications"));
    CsvTable table = new CsvTable(header);
    for (ResultRow row : results.rows()) {
      for (LatencyRow latency : LatencyRow.of(results, row)) {
        List<String> cells = axisCells(row);
        cells.add(latency.scope().name().toLowerCase(Locale.ROOT));
        cells.add(latency.subject());
        cells.add(latency.action());
        cells.add(CsvTable.decimal(latency.interval().mean(), 1));
        cells.add(CsvTable.decimal(latency.interval().halfWidth(), 1));
        cells.add(CsvTable.integer(latency.interval().samples()));
        table.row(cells.toArray(String[]::new));
      }
    }
    return table;
  }

  private static CsvTable violationTable(CombinedResults results) {
    List<String> header = new ArrayList<>(axisColumns(results));
    header.addAll(List.of("invariant", "mean_per_replication", "ci95_half_width"));
    CsvTable table = new CsvTable(header);
    for (ResultRow row : results.rows()) {
      for (int n = 1; n <= ScriptLayout.INVARIANTS; n++) {
        ConfidenceInterval interval = interval(results, row, ScriptLayout.invariantId(n));
        if (interval != null && interval.mean() > 0) {
          List<String> cells = axisCells(row);
          cells.add(CsvTable.integer(n));
          cells.add(CsvTable.decimal(interval.mean(), 3));
          cells.add(CsvTable.decimal(interval.halfWidth(), 3));
          table.row(cells.toArray(String[]::new));
        }
      }
    }
    return table;
  }

  private static List<GroupedCiBarChart.Bar> bars(CombinedResults results, LatencyRow.Scope scope) {
    List<GroupedCiBarChart.Bar> bars = new ArrayList<>();
    for (ResultRow row : results.rows()) {
      String series = pointLabel(results, row);
      for (LatencyRow latency : LatencyRow.of(results, row)) {
        if (latency.scope() == scope) {
          bars.add(
              new GroupedCiBarChart.Bar(
                  series.isEmpty() ? results.study().name() : series,
                  latency.action() + " " + latency.subject(),
                  latency.interval().mean() / 1000,
                  latency.interval().halfWidth() / 1000));
        }
      }
    }
    return bars;
  }

  private static List<String> axisColumns(CombinedResults results) {
    List<String> columns = new ArrayList<>();
    results.study().axes().forEach(axis -> columns.add(axis.path()));
    return columns;
  }

  private static List<String> axisCells(ResultRow row) {
    List<String> cells = new ArrayList<>();
    row.coordinates().forEach(value -> cells.add(value.label()));
    return cells;
  }

  /** A point as its axes' last path segments and values: DESTROY_QP=40us. */
  private static String pointLabel(CombinedResults results, ResultRow row) {
    List<String> parts = new ArrayList<>();
    for (int a = 0; a < row.coordinates().size(); a++) {
      String path = results.study().axes().get(a).path();
      AxisValue value = row.coordinates().get(a);
      parts.add(path.substring(path.lastIndexOf('.') + 1) + "=" + value.label());
    }
    return String.join(", ", parts);
  }

  private static ConfidenceInterval interval(CombinedResults results, ResultRow row, String id) {
    int index = results.metricIndex(id);
    return index < 0 ? null : row.metrics().get(index);
  }

  private static String mean(CombinedResults results, ResultRow row, String id) {
    ConfidenceInterval interval = interval(results, row, id);
    return interval == null ? "-" : number(interval.mean());
  }

  private static String us(double ns) {
    return String.format(Locale.ROOT, "%.3f", ns / 1000);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** Which metrics of a row are create or close latencies, and of what. */
  record LatencyRow(Scope scope, String subject, String action, ConfidenceInterval interval) {
    enum Scope {
      KIND,
      OBJECT
    }

    static List<LatencyRow> of(CombinedResults results, ResultRow row) {
      List<LatencyRow> out = new ArrayList<>();
      for (int m = 0; m < results.metrics().size(); m++) {
        Metric metric = results.metrics().get(m);
        ConfidenceInterval interval = row.metrics().get(m);
        String id = metric.id();
        if (interval == null || !id.endsWith("_ns")) {
          continue;
        }
        String action = id.contains("create") ? "create" : "close";
        // The label ends in the subject: "close to completion, QP" or "... , cq1".
        String subject = metric.label().substring(metric.label().lastIndexOf(", ") + 2);
        Scope scope = id.startsWith("object_") ? Scope.OBJECT : Scope.KIND;
        out.add(new LatencyRow(scope, subject, action, interval));
      }
      return out;
    }
  }
}
