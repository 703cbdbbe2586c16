package org.rnicsim.experiments.rdma.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.rdma.sim.LatencySamples;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.model.adapter.observe.StageBreakdown;

/**
 * The data of the detail charts as CSV, one line per point, case and detail (a percentile, a stage,
 * a sample time), with the mean and 95 % interval over the replications: {@code latency-cdf.csv},
 * {@code stage-breakdown.csv} and, for open loops, {@code in-flight.csv}.
 */
final class DetailTables {
  private DetailTables() {}

  static void write(RdmaRows rows, Path folder) throws IOException {
    List<String> percentiles = new ArrayList<>();
    List<String> cdfIds = new ArrayList<>();
    for (double percentile : LatencySamples.CDF_PERCENTILES) {
      percentiles.add(number(percentile));
      cdfIds.add(RdmaMetrics.cdfId(percentile));
    }
    table(rows, "percentile", percentiles, List.of(cdfIds), List.of("latency_us"))
        .write(folder.resolve(RdmaReport.CDF_TABLE));

    List<String> stages = new ArrayList<>(StageBreakdown.REQUESTER_STAGES);
    List<String> stageIds = new ArrayList<>();
    stages.forEach(stage -> stageIds.add(RdmaMetrics.stageId(stage)));
    stages.add("total");
    stageIds.add(RdmaMetrics.STAGE_TOTAL);
    table(rows, "stage", stages, List.of(stageIds), List.of("mean_ns"))
        .write(folder.resolve(RdmaReport.STAGE_TABLE));

    if (rows.firstPlan().shape() == RdmaMetrics.Shape.OPEN_LOOP) {
      long durationPs = rows.study().points().get(0).plan().run().durationPs();
      List<String> times = new ArrayList<>();
      List<String> inSystem = new ArrayList<>();
      List<String> atAdapters = new ArrayList<>();
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        times.add(number(InFlight.sampleTimeUs(i, durationPs)));
        inSystem.add(RdmaMetrics.inFlightId(i));
        atAdapters.add(RdmaMetrics.outstandingWqesId(i));
      }
      table(
              rows,
              "time_us",
              times,
              List.of(inSystem, atAdapters),
              List.of("in_flight", "outstanding_wqes"))
          .write(folder.resolve(RdmaReport.IN_FLIGHT_TABLE));
    }
  }

  private static CsvTable table(
      RdmaRows rows,
      String detailName,
      List<String> details,
      List<List<String>> idSets,
      List<String> valueNames) {
    List<String> header = new ArrayList<>();
    header.add("point");
    for (AxisPlan axis : rows.study().axes()) {
      header.add(axis.path());
    }
    header.add("operation");
    header.add("size_B");
    header.add(detailName);
    for (String valueName : valueNames) {
      header.add(valueName);
      header.add(valueName + "_ci95_half_width");
    }
    CsvTable table = new CsvTable(header);
    for (ResultRow row : rows.rows()) {
      for (int d = 0; d < details.size(); d++) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(row.point()));
        row.coordinates().forEach(value -> cells.add(value.label()));
        cells.add(row.caseGroup());
        cells.add(Long.toString((long) row.caseValue()));
        cells.add(details.get(d));
        for (List<String> ids : idSets) {
          ConfidenceInterval interval = rows.interval(row, ids.get(d));
          cells.add(interval == null ? "" : number(interval.mean()));
          cells.add(interval == null ? "" : number(interval.halfWidth()));
        }
        table.row(cells.toArray(new String[0]));
      }
    }
    return table;
  }

  /** Seven significant digits, plain, empty for NaN: as results.csv writes numbers. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    java.math.BigDecimal rounded =
        new java.math.BigDecimal(value).round(new java.math.MathContext(7));
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }
}
