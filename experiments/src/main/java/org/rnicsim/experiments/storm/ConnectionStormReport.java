package org.rnicsim.experiments.storm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.chart.CiLineChart;
import org.rnicsim.experiments.report.ChartFile;
import org.rnicsim.experiments.report.ChosenCharts;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.KindReport;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisValue;

/**
 * What a {@code connection-storm} study adds to the generic charts (time to establish, setup p99
 * and teardown against the first swept parameter): the firmware command queues of both hosts over
 * the build-up of the largest storm, one pair of lines (client solid, server dashed) per
 * combination of the other swept parameters.
 */
public final class ConnectionStormReport implements KindReport {
  static final String OCCUPANCY = "firmware-queue";

  @Override
  public List<ChartFile> writeFiles(CombinedResults results, Path folder, ChartBatch batch)
      throws IOException {
    return new ChosenCharts(results.study().charts())
        .draw(OCCUPANCY, () -> occupancy(results, folder, batch))
        .files();
  }

  private static Optional<ChartFile> occupancy(
      CombinedResults results, Path folder, ChartBatch batch) {
    List<CiLineChart.Series> series = new ArrayList<>();
    String largest = "";
    int colour = 0;
    for (ResultRow row : results.rows()) {
      if (!isLargest(results, row)) {
        continue;
      }
      List<String> others = new ArrayList<>();
      for (int a = 0; a < row.coordinates().size(); a++) {
        String label = axisName(results, a) + "=" + row.coordinates().get(a).label();
        if (a == 0) {
          largest = label;
        } else {
          others.add(label);
        }
      }
      String name = others.isEmpty() ? "" : String.join(", ", others) + ": ";
      series.add(
          new CiLineChart.Series(
              name + "client", points(results, row, "client"), colour, false, true));
      series.add(
          new CiLineChart.Series(
              name + "server", points(results, row, "server"), colour, true, true));
      colour++;
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    String title =
        results.study().name()
            + ": firmware commands waiting or executing during the build-up"
            + (largest.isEmpty() ? "" : " (" + largest + ")");
    JFreeChart chart =
        CiLineChart.create(
            title,
            "mean over "
                + results.rows().get(0).replications()
                + " replications, 95 % confidence intervals; client solid, server dashed",
            "share of the time until every pair is connected (%)",
            CiLineChart.XScale.LINEAR,
            "firmware commands queued or executing",
            series,
            List.of(),
            List.of());
    batch.add(chart, folder, OCCUPANCY);
    return Optional.of(new ChartFile(OCCUPANCY, title));
  }

  /** Rows at the first swept parameter's last value (the largest storm when it is the pairs). */
  private static boolean isLargest(CombinedResults results, ResultRow row) {
    if (row.coordinates().isEmpty()) {
      return true;
    }
    List<AxisValue> values = results.study().axes().get(0).values();
    return row.coordinates().get(0).equals(values.get(values.size() - 1));
  }

  private static String axisName(CombinedResults results, int axis) {
    String path = results.study().axes().get(axis).path();
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static List<CiLineChart.Point> points(
      CombinedResults results, ResultRow row, String host) {
    List<CiLineChart.Point> points = new ArrayList<>();
    for (int i = 0; i < ConnectionStormPlan.OCCUPANCY_SAMPLES; i++) {
      int index = results.metricIndex(ConnectionStormPlan.occupancyId(host, i));
      ConfidenceInterval commands = index < 0 ? null : row.metrics().get(index);
      if (commands != null) {
        double low = Double.isNaN(commands.halfWidth()) ? commands.mean() : commands.low();
        double high = Double.isNaN(commands.halfWidth()) ? commands.mean() : commands.high();
        points.add(
            new CiLineChart.Point(
                100 * ConnectionStormPlan.sampleShare(i), commands.mean(), low, high));
      }
    }
    return points;
  }
}
