package org.rnicsim.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.sweep.JobResult;

/**
 * {@code results-long.csv}, the tidy form for pandas and R: one row per point, case, replication
 * and metric, the swept values as numbers in base units (see {@link SweptColumn}), then the
 * metric's id, its value with every digit the job measured, and its unit. A metric a replication
 * did not measure has an empty value, which both read as NA.
 */
final class LongTable {
  static final String FILE = "results-long.csv";

  private LongTable() {}

  static CsvTable of(CombinedResults results) {
    List<SweptColumn> swept = SweptColumn.of(results.study().axes());
    List<String> header = new ArrayList<>();
    header.add("point");
    swept.forEach(column -> header.add(column.name()));
    boolean groups = results.caseAxis().hasGroups();
    if (groups) {
      header.add(results.caseAxis().groupName());
    }
    header.add(PointTable.caseColumn(results));
    header.addAll(List.of("replication", "metric", "value", "unit"));
    CsvTable table = new CsvTable(header);
    for (ResultRow row : results.rows()) {
      List<String> first = new ArrayList<>();
      first.add(CsvTable.integer(row.point()));
      first.addAll(SweptColumn.cells(swept, results.study().axes(), row));
      if (groups) {
        first.add(row.caseGroup());
      }
      first.add(SweptColumn.plain(row.caseValue()));
      for (JobResult replication : row.byReplication()) {
        for (Metric metric : results.metrics()) {
          Double value = replication.metrics().get(metric.id());
          List<String> cells = new ArrayList<>(first);
          cells.add(CsvTable.integer(replication.replication()));
          cells.add(metric.id());
          cells.add(value == null ? "" : SweptColumn.plain(value));
          cells.add(metric.unit());
          table.row(cells.toArray(new String[0]));
        }
      }
    }
    return table;
  }
}
