package org.rnicsim.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.chart.MeanWithCiChart;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.ChartChoice;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyPoint;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * One chart per charted metric, against the first swept parameter (or, without a sweep, against the
 * workload's own cases), with one series per combination of everything else that varies, error bars
 * of the 95 % interval, and the workload's reference curve where theory gives one.
 */
public final class MetricCharts {
  /** Samples of a reference curve: smooth to the eye, small in SVG. */
  private static final int CURVE_SAMPLES = 120;

  private MetricCharts() {}

  /** Adds a chart per charted metric to {@code batch}, to be saved into {@code folder}. */
  public static List<ChartFile> write(CombinedResults results, Path folder, ChartBatch batch) {
    List<ChartFile> files = new ArrayList<>();
    for (int m = 0; m < results.metrics().size(); m++) {
      Metric metric = results.metrics().get(m);
      if (!metric.charted() || !results.study().charts().draws(ChartChoice.metricChart(metric))) {
        continue;
      }
      ChartFile file = chart(results, m, folder, batch);
      if (file != null) {
        files.add(file);
      }
    }
    return files;
  }

  private static ChartFile chart(
      CombinedResults results, int metricIndex, Path folder, ChartBatch batch) {
    Study study = results.study();
    Metric metric = results.metrics().get(metricIndex);
    boolean bySweep = !study.axes().isEmpty();
    ChartAxis x = bySweep ? ChartAxis.of(study.axes().get(0)) : ChartAxis.of(results.caseAxis());
    boolean casesVary = results.caseAxis().values().stream().distinct().count() > 1;

    Map<String, List<MeanWithCiChart.Point>> series = new LinkedHashMap<>();
    Map<String, StudyPoint> seriesPoint = new LinkedHashMap<>();
    for (ResultRow row : results.rows()) {
      ConfidenceInterval interval = row.metrics().get(metricIndex);
      if (interval == null) {
        continue;
      }
      double xValue;
      List<String> rest = new ArrayList<>();
      if (bySweep) {
        AxisPlan axis = study.axes().get(0);
        xValue = x.x().get(axis.values().indexOf(row.coordinates().get(0)));
        for (int a = 1; a < row.coordinates().size(); a++) {
          rest.add(study.axes().get(a).path() + "=" + row.coordinates().get(a).label());
        }
        if (!row.caseGroup().isEmpty()) {
          rest.add(row.caseGroup());
        }
        if (casesVary) {
          rest.add(results.caseAxis().name() + "=" + Numbers.text(row.caseValue()));
        }
      } else {
        xValue = row.caseValue();
        if (!row.caseGroup().isEmpty()) {
          rest.add(row.caseGroup());
        }
      }
      String key = rest.isEmpty() ? "simulated mean with 95 % CI" : String.join(", ", rest);
      boolean hasInterval = !Double.isNaN(interval.halfWidth());
      series
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new MeanWithCiChart.Point(
                  xValue,
                  interval.mean(),
                  hasInterval ? interval.low() : interval.mean(),
                  hasInterval ? interval.high() : interval.mean()));
      seriesPoint.putIfAbsent(key, study.points().get(row.point()));
    }
    // A metric that is zero everywhere says so in the table; a flat line at zero says nothing.
    boolean allZero =
        series.values().stream().flatMap(List::stream).allMatch(point -> point.mean() == 0);
    if (series.isEmpty() || allZero) {
      return null;
    }
    List<MeanWithCiChart.Series> measured = new ArrayList<>();
    series.forEach((name, points) -> measured.add(new MeanWithCiChart.Series(name, points)));
    List<MeanWithCiChart.Curve> curves =
        bySweep || metric.referenceLabel() == null
            ? List.of()
            : referenceCurves(metric, seriesPoint, x);

    // Its name in a study's charts key is how the file name begins.
    String name = ChartChoice.fileStem(metric.id() + "-vs-" + x.shortName());
    String title = study.name() + ": " + metric.label() + " vs " + x.shortName();
    JFreeChart chart =
        MeanWithCiChart.create(
            title,
            subtitle(results),
            x.label(),
            metric.unit().isEmpty() ? metric.label() : metric.label() + " (" + metric.unit() + ")",
            measured,
            curves);
    batch.add(chart, folder, name);
    return new ChartFile(name, title);
  }

  private static List<MeanWithCiChart.Curve> referenceCurves(
      Metric metric, Map<String, StudyPoint> seriesPoint, ChartAxis x) {
    double max = x.x().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<MeanWithCiChart.Curve> curves = new ArrayList<>();
    for (Map.Entry<String, StudyPoint> entry : seriesPoint.entrySet()) {
      WorkloadPlan workload = entry.getValue().plan().workload();
      List<double[]> samples = new ArrayList<>();
      for (int i = 0; i <= CURVE_SAMPLES; i++) {
        double at = max * i / CURVE_SAMPLES;
        double value = workload.reference(metric.id(), at);
        if (Double.isFinite(value)) {
          samples.add(new double[] {at, value});
        }
      }
      if (!samples.isEmpty()) {
        String name =
            seriesPoint.size() == 1
                ? metric.referenceLabel()
                : metric.referenceLabel() + " (" + entry.getKey() + ")";
        curves.add(new MeanWithCiChart.Curve(name, samples));
      }
    }
    return curves;
  }

  private static String subtitle(CombinedResults results) {
    StudyPoint first = results.study().points().get(0);
    // With a sweep the first point's parameters are not everyone's; say what varies instead.
    String what =
        results.study().axes().isEmpty()
            ? first.plan().workload().describe()
            : "swept: "
                + String.join(", ", results.study().axes().stream().map(AxisPlan::path).toList());
    return String.format(
        Locale.ROOT,
        "%s; %d replication(s) of %s per point; mean with 95 %% CI (Student t)",
        what,
        first.plan().run().replications(),
        first.plan().workload().measuredSpan(first.plan().run()));
  }
}
