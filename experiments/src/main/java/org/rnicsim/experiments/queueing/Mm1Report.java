package org.rnicsim.experiments.queueing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.chart.ChartFiles;
import org.rnicsim.experiments.chart.MeanWithCiChart;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.output.JsonFiles;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.StudyOutcome;
import org.rnicsim.experiments.study.StudyPlan;

/** The M/M/1 results as files (summary, table, chart) and as a terminal table. */
final class Mm1Report implements StudyOutcome {
  static final String TABLE_AND_CHART = "waiting-time-vs-load";

  /** Points of the analytic curve; enough for a smooth line, few enough for a small SVG. */
  private static final int CURVE_POINTS = 120;

  private final StudyPlan study;
  private final Mm1Plan plan;
  private final List<LoadPoint> points;

  Mm1Report(StudyPlan study, Mm1Plan plan, List<LoadPoint> points) {
    this.study = study;
    this.plan = plan;
    this.points = List.copyOf(points);
  }

  List<LoadPoint> points() {
    return points;
  }

  @Override
  public void writeFiles(Path folder, String rnicsimVersion) throws IOException {
    JsonFiles.write(folder.resolve("summary.json"), summary(rnicsimVersion));
    table().write(folder.resolve(TABLE_AND_CHART + ".csv"));
    ChartFiles.write(chart(), folder, TABLE_AND_CHART);
  }

  @Override
  public void printSummary(PrintWriter out) {
    RunPlan run = study.run();
    out.printf(
        Locale.ROOT,
        "%s: M/M/1, mean service %s, %d replication(s) of %s after %s warm-up, seed %d%n",
        study.name(),
        SimTime.format(plan.meanServicePs()),
        run.replications(),
        SimTime.format(run.durationPs()),
        SimTime.format(run.warmUpPs()),
        run.seed());
    out.printf(
        Locale.ROOT,
        "%6s  %14s  %14s  %12s  %12s%n",
        "load",
        "analytic Wq",
        "simulated Wq",
        "95% CI +/-",
        "events");
    for (LoadPoint point : points) {
      out.printf(
          Locale.ROOT,
          "%6.3f  %11.3f ns  %11.3f ns  %9s ns  %12d%n",
          point.load(),
          point.analyticMeanWaitPs() / SimTime.PS_PER_NS,
          point.meanWait().mean() / SimTime.PS_PER_NS,
          Double.isNaN(point.meanWait().halfWidth())
              ? "n/a"
              : String.format(
                  Locale.ROOT, "%.3f", point.meanWait().halfWidth() / SimTime.PS_PER_NS),
          point.eventsExecuted());
    }
  }

  /** What summary.json holds; units are in the key names. */
  @JsonPropertyOrder({
    "rnicsimVersion",
    "study",
    "description",
    "kind",
    "seed",
    "replications",
    "warmUpNs",
    "durationNs",
    "meanServiceTimeNs",
    "confidenceLevel",
    "intervalMethod",
    "points"
  })
  record Summary(
      String rnicsimVersion,
      String study,
      String description,
      String kind,
      long seed,
      int replications,
      BigDecimal warmUpNs,
      BigDecimal durationNs,
      BigDecimal meanServiceTimeNs,
      double confidenceLevel,
      String intervalMethod,
      List<PointSummary> points) {}

  @JsonPropertyOrder({
    "load",
    "arrivalRatePerUs",
    "analyticMeanWaitNs",
    "meanWaitNs",
    "ciHalfWidthNs",
    "ciLowNs",
    "ciHighNs",
    "analyticWithinCi",
    "customersMeasured",
    "eventsExecuted",
    "simulatedTimePerReplicationNs"
  })
  record PointSummary(
      double load,
      BigDecimal arrivalRatePerUs,
      BigDecimal analyticMeanWaitNs,
      BigDecimal meanWaitNs,
      BigDecimal ciHalfWidthNs,
      BigDecimal ciLowNs,
      BigDecimal ciHighNs,
      Boolean analyticWithinCi,
      long customersMeasured,
      long eventsExecuted,
      BigDecimal simulatedTimePerReplicationNs) {}

  Summary summary(String rnicsimVersion) {
    RunPlan run = study.run();
    List<PointSummary> rows = new ArrayList<>();
    for (LoadPoint point : points) {
      ConfidenceInterval wait = point.meanWait();
      boolean hasInterval = !Double.isNaN(wait.halfWidth());
      rows.add(
          new PointSummary(
              point.load(),
              round(point.load() * SimTime.PS_PER_US / plan.meanServicePs(), 9),
              ns(point.analyticMeanWaitPs()),
              ns(wait.mean()),
              hasInterval ? ns(wait.halfWidth()) : null,
              hasInterval ? ns(wait.low()) : null,
              hasInterval ? ns(wait.high()) : null,
              hasInterval ? wait.contains(point.analyticMeanWaitPs()) : null,
              point.customersMeasured(),
              point.eventsExecuted(),
              ns(point.simulatedPsPerReplication())));
    }
    return new Summary(
        rnicsimVersion,
        study.name(),
        study.description(),
        plan.kind(),
        run.seed(),
        run.replications(),
        ns(run.warmUpPs()),
        ns(run.durationPs()),
        ns(plan.meanServicePs()),
        Mm1Experiment.CONFIDENCE_LEVEL,
        "Student t across replications",
        rows);
  }

  CsvTable table() {
    CsvTable table =
        new CsvTable(
            List.of(
                "load",
                "analytic_mean_wait_ns",
                "mean_wait_ns",
                "ci95_half_width_ns",
                "ci95_low_ns",
                "ci95_high_ns",
                "replications",
                "customers_measured",
                "events_executed",
                "simulated_time_per_replication_ns"));
    for (LoadPoint point : points) {
      ConfidenceInterval wait = point.meanWait();
      table.row(
          CsvTable.decimal(point.load(), 6),
          CsvTable.decimal(point.analyticMeanWaitPs() / SimTime.PS_PER_NS, 3),
          CsvTable.decimal(wait.mean() / SimTime.PS_PER_NS, 3),
          CsvTable.decimal(wait.halfWidth() / SimTime.PS_PER_NS, 3),
          CsvTable.decimal(wait.low() / SimTime.PS_PER_NS, 3),
          CsvTable.decimal(wait.high() / SimTime.PS_PER_NS, 3),
          CsvTable.integer(wait.samples()),
          CsvTable.integer(point.customersMeasured()),
          CsvTable.integer(point.eventsExecuted()),
          CsvTable.decimal((double) point.simulatedPsPerReplication() / SimTime.PS_PER_NS, 3));
    }
    return table;
  }

  org.jfree.chart.JFreeChart chart() {
    double psPerUs = SimTime.PS_PER_US;
    List<MeanWithCiChart.Point> measured = new ArrayList<>();
    double maxLoad = 0;
    for (LoadPoint point : points) {
      ConfidenceInterval wait = point.meanWait();
      boolean hasInterval = !Double.isNaN(wait.halfWidth());
      measured.add(
          new MeanWithCiChart.Point(
              point.load(),
              wait.mean() / psPerUs,
              (hasInterval ? wait.low() : wait.mean()) / psPerUs,
              (hasInterval ? wait.high() : wait.mean()) / psPerUs));
      maxLoad = Math.max(maxLoad, point.load());
    }
    List<double[]> curve = new ArrayList<>();
    for (int i = 0; i <= CURVE_POINTS; i++) {
      double load = maxLoad * i / CURVE_POINTS;
      curve.add(new double[] {load, Mm1Theory.meanWaitPs(load, plan.meanServicePs()) / psPerUs});
    }
    return MeanWithCiChart.create(
        study.name() + ": M/M/1 mean waiting time vs load",
        String.format(
            Locale.ROOT,
            "mean service %s, %d replication(s) of %s each, 95 %% CI (Student t)",
            SimTime.format(plan.meanServicePs()),
            study.run().replications(),
            SimTime.format(study.run().durationPs())),
        "offered load \u03c1 = \u03bb/\u03bc (dimensionless)",
        "mean waiting time in queue Wq (\u00b5s)",
        "simulated mean with 95 % CI",
        measured,
        new MeanWithCiChart.Curve("analytic Wq = \u03c1 / (\u03bc \u2212 \u03bb)", curve));
  }

  private static BigDecimal ns(double ps) {
    return round(ps / SimTime.PS_PER_NS, 3);
  }

  /**
   * Rounded to meaningful digits and trailing zeros stripped: JSON then shows {@code 50000000} and
   * {@code 103.946}, not {@code 5.0E7} and the tail of a binary fraction.
   */
  private static BigDecimal round(double value, int decimals) {
    BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
  }
}
