package org.rnicsim.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Metric;

/**
 * {@code results.csv}: one row per point and case, the swept values first (as numbers, see {@link
 * SweptColumn}), then for each metric its mean, 95 % interval and, where theory gives one, the
 * reference value. Units are in the column names.
 */
final class PointTable {
  static final String FILE = "results.csv";

  private PointTable() {}

  static CsvTable of(CombinedResults results) {
    List<String> header = new ArrayList<>();
    header.add("point");
    List<SweptColumn> swept = SweptColumn.of(results.study().axes());
    swept.forEach(column -> header.add(column.name()));
    String caseColumn = caseColumn(results);
    boolean groups = results.caseAxis().hasGroups();
    if (groups) {
      header.add(results.caseAxis().groupName());
    }
    header.add(caseColumn);
    header.add("replications");
    for (int m = 0; m < results.metrics().size(); m++) {
      if (results.metrics().get(m).detail()) {
        continue;
      }
      String id = results.metrics().get(m).id();
      header.add(id);
      header.add(id + "_ci95_half_width");
      header.add(id + "_ci95_low");
      header.add(id + "_ci95_high");
      if (results.hasReference(m)) {
        header.add(id + "_reference");
      }
    }
    header.add("events_executed");
    CsvTable table = new CsvTable(header);
    for (ResultRow row : results.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(CsvTable.integer(row.point()));
      cells.addAll(SweptColumn.cells(swept, results.study().axes(), row));
      if (groups) {
        cells.add(row.caseGroup());
      }
      cells.add(Numbers.text(row.caseValue()));
      cells.add(CsvTable.integer(row.replications()));
      for (int m = 0; m < results.metrics().size(); m++) {
        if (results.metrics().get(m).detail()) {
          continue;
        }
        ConfidenceInterval interval = row.metrics().get(m);
        double mean = interval == null ? Double.NaN : interval.mean();
        double half = interval == null ? Double.NaN : interval.halfWidth();
        cells.add(Numbers.text(mean));
        cells.add(Numbers.text(half));
        cells.add(Numbers.text(mean - half));
        cells.add(Numbers.text(mean + half));
        if (results.hasReference(m)) {
          cells.add(Numbers.text(row.references().get(m)));
        }
      }
      cells.add(CsvTable.integer(row.eventsExecuted()));
      table.row(cells.toArray(new String[0]));
    }
    return table;
  }

  /** The case value's column: its name, and its unit where it has one ({@code size_B}). */
  static String caseColumn(CombinedResults results) {
    CaseAxis cases = results.caseAxis();
    return cases.unit().isEmpty() ? cases.name() : cases.name() + "_" + cases.unit();
  }

  /** The metric's column title for people: label and unit. */
  static String title(Metric metric) {
    return metric.unit().isEmpty() ? metric.label() : metric.label() + " (" + metric.unit() + ")";
  }
}
