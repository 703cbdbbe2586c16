package org.rnicsim.experiments.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.rnicsim.experiments.chart.ChartBatch;

/**
 * What a workload kind adds to the files and lines every study gets: charts and tables of its own
 * (a latency CDF, a stage breakdown), and its own terminal summary (perftest's table). Registered
 * per kind next to the workload kinds, so the report machinery knows no workload.
 */
public interface KindReport {
  /** Nothing beyond the generic files. */
  KindReport NONE = new KindReport() {};

  /**
   * Writes the kind's own CSV tables into {@code folder} and adds its charts to {@code charts},
   * which saves them (PNG and SVG) into the folder before the report is written.
   *
   * @return the charts, in the order the report shows them
   */
  default List<ChartFile> writeFiles(CombinedResults results, Path folder, ChartBatch charts)
      throws IOException {
    return List.of();
  }

  /** The CSV tables {@link #writeFiles} wrote, for the report to name. */
  default List<String> tableFiles(CombinedResults results) {
    return List.of();
  }

  /** Whether the generic chart of each charted metric is drawn too. */
  default boolean drawsMetricCharts(CombinedResults results) {
    return true;
  }

  /** The terminal summary: the generic table unless the kind has a better one. */
  default void printSummary(CombinedResults results, PrintWriter out) {
    TerminalSummary.print(results, out);
  }
}
