package org.rnicsim.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.output.CsvTable;

/** Writes every combined result file of a study into a folder. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * {@code summary.json}, {@code results.csv}, {@code results-long.csv}, a chart per metric (PNG,
   * SVG), {@code report.html}.
   */
  public static void write(CombinedResults results, Path folder, String rnicsimVersion)
      throws IOException {
    write(results, folder, rnicsimVersion, KindReport.NONE, 1);
  }

  /**
   * As above, with the files {@code kind} adds (its charts come before the generic ones), the
   * charts rendered on up to {@code threads} threads.
   */
  public static void write(
      CombinedResults results, Path folder, String rnicsimVersion, KindReport kind, int threads)
      throws IOException {
    SummaryFile.write(results, rnicsimVersion, folder.resolve("summary.json"));
    CsvTable table = PointTable.of(results);
    table.write(folder.resolve(PointTable.FILE));
    LongTable.of(results).write(folder.resolve(LongTable.FILE));
    ChartBatch batch = new ChartBatch();
    List<ChartFile> charts = new ArrayList<>(kind.writeFiles(results, folder, batch));
    if (kind.drawsMetricCharts(results)) {
      charts.addAll(MetricCharts.write(results, folder, batch));
    }
    // The report embeds the PNGs, so they must be on disk first.
    batch.writeAll(threads);
    HtmlReport.write(results, table, charts, kind.tableFiles(results), folder, rnicsimVersion);
  }
}
