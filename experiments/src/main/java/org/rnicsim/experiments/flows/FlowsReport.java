package org.rnicsim.experiments.flows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.chart.CiLineChart;
import org.rnicsim.experiments.report.ChartFile;
import org.rnicsim.experiments.report.ChosenCharts;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.KindReport;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.RunPlan;

/**
 * What a {@code flows} study adds to the generic charts: FCT slowdown by flow-size bucket (p99
 * solid, p50 dashed, one colour per point and load), each sender's rate over time (one chart per
 * point and load), and the deepest switch queue and the PFC pauses over time.
 */
public final class FlowsReport implements KindReport {
  static final String SLOWDOWN_BY_SIZE = "slowdown-by-size";
  static final String RATES = "flow-rates";
  static final String QUEUE = "queue-over-time";

  @Override
  public List<ChartFile> writeFiles(CombinedResults results, Path folder, ChartBatch batch)
      throws IOException {
    ChosenCharts charts = new ChosenCharts(results.study().charts());
    charts.draw(SLOWDOWN_BY_SIZE, () -> slowdownBySize(results, folder, batch));
    for (int r = 0; r < results.rows().size(); r++) {
      int row = r;
      charts.draw(RATES, () -> rates(results, row, folder, batch));
    }
    charts.draw(QUEUE, () -> queue(results, folder, batch));
    return charts.files();
  }

  private static Optional<ChartFile> slowdownBySize(
      CombinedResults results, Path folder, ChartBatch batch) {
    List<CiLineChart.Series> series =
        pairPerRow(
            results,
            FlowMetrics.BUCKETS.length,
            b -> FlowMetrics.slowdownId("p99", FlowMetrics.BUCKETS[b]),
            b -> FlowMetrics.slowdownId("p50", FlowMetrics.BUCKETS[b]),
            b -> b + 1.0,
            b -> b + 1.0,
            List.of(" p99", " p50"));
    return draw(
        batch,
        folder,
        SLOWDOWN_BY_SIZE,
        results.study().name() + ": FCT slowdown by flow size",
        "buckets 1-5: " + String.join(", ", FlowMetrics.BUCKET_LABELS) + "; p99 solid, p50 dashed",
        "flow-size bucket",
        "FCT slowdown (FCT / FCT alone)",
        series);
  }

  private static Optional<ChartFile> rates(
      CombinedResults results, int rowIndex, Path folder, ChartBatch batch) {
    ResultRow row = results.rows().get(rowIndex);
    double sampleUs = sampleUs(results);
    List<CiLineChart.Series> series = new ArrayList<>();
    for (int s = 0; s < FlowMetrics.MAX_RATE_SERIES; s++) {
      int sender = s;
      List<CiLineChart.Point> points =
          points(
              results,
              row,
              FlowRun.SAMPLES,
              k -> FlowMetrics.rateId(sender, k),
              k -> (k + 0.5) * sampleUs);
      if (!points.isEmpty()) {
        series.add(new CiLineChart.Series("sender " + (s + 1), points, s, false, true));
      }
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    return draw(
        batch,
        folder,
        RATES + "-" + (rowIndex + 1),
        results.study().name() + ": senders' rates over time, " + rowName(results, row),
        "each sender's WRITE payload per interval, mean over replications",
        "simulated time (us)",
        "rate (Gb/s)",
        series);
  }

  private static Optional<ChartFile> queue(CombinedResults results, Path folder, ChartBatch batch) {
    double sampleUs = sampleUs(results);
    List<CiLineChart.Series> series =
        pairPerRow(
            results,
            FlowRun.SAMPLES,
            FlowMetrics::queueId,
            FlowMetrics::pausesId,
            k -> (k + 1) * sampleUs,
            k -> (k + 0.5) * sampleUs,
            List.of(" queue (KB)", " PFC pauses"));
    return draw(
        batch,
        folder,
        QUEUE,
        results.study().name() + ": deepest switch queue and PFC pauses over time",
        "queue sampled at interval ends (solid, KB); PFC pauses per interval (dashed)",
        "simulated time (us)",
        "KB / pauses",
        series);
  }

  /** Per row, a solid series of {@code solidId} and a dashed one of {@code dashedId}. */
  private static List<CiLineChart.Series> pairPerRow(
      CombinedResults results,
      int count,
      IntFunction<String> solidId,
      IntFunction<String> dashedId,
      IntFunction<Double> solidX,
      IntFunction<Double> dashedX,
      List<String> suffixes) {
    List<CiLineChart.Series> series = new ArrayList<>();
    int colour = 0;
    for (ResultRow row : results.rows()) {
      String name = rowName(results, row);
      series.add(
          new CiLineChart.Series(
              name + suffixes.get(0),
              points(results, row, count, solidId, solidX),
              colour,
              false,
              true));
      series.add(
          new CiLineChart.Series(
              name + suffixes.get(1),
              points(results, row, count, dashedId, dashedX),
              colour,
              true,
              true));
      colour++;
    }
    return series;
  }

  private static Optional<ChartFile> draw(
      ChartBatch batch,
      Path folder,
      String stem,
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      List<CiLineChart.Series> series) {
    JFreeChart chart =
        CiLineChart.create(
            title,
            subtitle,
            xLabel,
            CiLineChart.XScale.LINEAR,
            yLabel,
            series,
            List.of(),
            List.of());
    batch.add(chart, folder, stem);
    return Optional.of(new ChartFile(stem, title));
  }

  private static double sampleUs(CombinedResults results) {
    RunPlan run = results.study().points().get(0).plan().run();
    return (double) (run.warmUpPs() + run.durationPs()) / FlowRun.SAMPLES / SimTime.PS_PER_US;
  }

  private static String rowName(CombinedResults results, ResultRow row) {
    List<String> parts = new ArrayList<>();
    for (int a = 0; a < row.coordinates().size(); a++) {
      String path = results.study().axes().get(a).path();
      parts.add(path.substring(path.lastIndexOf('.') + 1) + "=" + row.coordinates().get(a).label());
    }
    parts.add(String.format(Locale.ROOT, "load=%.2f", row.caseValue()));
    return String.join(", ", parts);
  }

  private static List<CiLineChart.Point> points(
      CombinedResults results,
      ResultRow row,
      int count,
      IntFunction<String> id,
      IntFunction<Double> x) {
    List<CiLineChart.Point> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = results.metricIndex(id.apply(i));
      ConfidenceInterval value = index < 0 ? null : row.metrics().get(index);
      if (value == null || Double.isNaN(value.mean())) {
        continue;
      }
      boolean noInterval = Double.isNaN(value.halfWidth());
      points.add(
          new CiLineChart.Point(
              x.apply(i),
              value.mean(),
              noInterval ? value.mean() : value.low(),
              noInterval ? value.mean() : value.high()));
    }
    return points;
  }
}
