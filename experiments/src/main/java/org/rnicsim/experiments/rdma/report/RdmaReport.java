package org.rnicsim.experiments.rdma.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.rdma.RdmaChartNames;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.report.ChartFile;
import org.rnicsim.experiments.report.ChosenCharts;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.KindReport;

/**
 * The report of the RDMA loops: perftest's table on the terminal, and the charts that answer RDMA
 * questions (latency and throughput against message size, the latency CDF, where the time of one
 * operation goes, requests in flight over time, interrupt rate against latency, and the p99 against
 * a target), each with the CSV table of its data. The generic chart of each metric against the
 * swept parameter is drawn only when there is a sweep: without one it would repeat these.
 */
public final class RdmaReport implements KindReport {
  static final String CDF_TABLE = "latency-cdf.csv";
  static final String STAGE_TABLE = "stage-breakdown.csv";
  static final String IN_FLIGHT_TABLE = "in-flight.csv";

  @Override
  public List<ChartFile> writeFiles(CombinedResults results, Path folder, ChartBatch batch)
      throws IOException {
    RdmaRows rows = new RdmaRows(results);
    RdmaCharts charts = new RdmaCharts(rows, folder, batch);
    ChosenCharts chosen =
        new ChosenCharts(results.study().charts())
            .draw(RdmaChartNames.LATENCY_VS_SIZE, charts::latencyVsSize)
            .draw(RdmaChartNames.THROUGHPUT_VS_SIZE, charts::throughputVsSize)
            .draw(RdmaChartNames.P99_VS_SWEEP, charts::p99AgainstTarget)
            .draw(RdmaChartNames.INTERRUPT_RATE_VS_LATENCY, charts::interruptRateVsLatency)
            .draw(RdmaChartNames.LATENCY_CDF, () -> Optional.of(charts.latencyCdf()))
            .draw(RdmaChartNames.STAGE_BREAKDOWN, () -> Optional.of(charts.stageBreakdown()))
            .draw(RdmaChartNames.IN_FLIGHT_OVER_TIME, charts::inFlightOverTime);
    DetailTables.write(rows, folder);
    return chosen.files();
  }

  @Override
  public List<String> tableFiles(CombinedResults results) {
    RdmaRows rows = new RdmaRows(results);
    return rows.firstPlan().shape() == RdmaMetrics.Shape.OPEN_LOOP
        ? List.of(CDF_TABLE, STAGE_TABLE, IN_FLIGHT_TABLE)
        : List.of(CDF_TABLE, STAGE_TABLE);
  }

  @Override
  public boolean drawsMetricCharts(CombinedResults results) {
    return !results.study().axes().isEmpty();
  }

  @Override
  public void printSummary(CombinedResults results, PrintWriter out) {
    PerftestTable.print(new RdmaRows(results), out);
  }
}
