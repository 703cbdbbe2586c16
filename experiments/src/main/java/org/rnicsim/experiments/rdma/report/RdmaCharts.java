package org.rnicsim.experiments.rdma.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.chart.CdfChart;
import org.rnicsim.experiments.chart.ChartBatch;
import org.rnicsim.experiments.chart.CiLineChart;
import org.rnicsim.experiments.chart.StackedBarChart;
import org.rnicsim.experiments.rdma.RdmaChartNames;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.rdma.sim.LatencySamples;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;
import org.rnicsim.experiments.report.ChartFile;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.ChartChoice;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.model.adapter.observe.StageBreakdown;

/** Draws each RDMA chart from the combined results, PNG and SVG, means with 95 % intervals. */
final class RdmaCharts {
  /**
   * More lines than this in one chart are unreadable (two rounds of the palette's nine colours, the
   * second dotted); a chart that leaves some out says so under its title, and the CSV tables hold
   * them all.
   */
  private static final int MAX_LINES = 18;

  /** More bars than this do not fit the width (every operation at twelve sizes does). */
  private static final int MAX_BARS = 36;

  private final RdmaRows rows;
  private final Path folder;
  private final String name;
  private final ChartBatch batch;

  RdmaCharts(RdmaRows rows, Path folder, ChartBatch batch) {
    this.rows = rows;
    this.folder = folder;
    this.batch = batch;
    this.name = rows.study().name();
  }

  private String subtitle() {
    StudyPlan first = rows.study().points().get(0).plan();
    String what =
        rows.study().axes().isEmpty()
            ? first.workload().describe()
            : "swept: "
                + String.join(", ", rows.study().axes().stream().map(AxisPlan::path).toList());
    return String.format(
        Locale.ROOT,
        "%s; %d replication(s) of %s per point; mean with 95 %% CI (Student t)",
        what,
        first.run().replications(),
        first.workload().measuredSpan(first.run()));
  }

  /** The subtitle, saying how many of {@code total} series a chart left out, if any. */
  private String subtitle(int drawn, int total, String what) {
    if (drawn >= total) {
      return subtitle();
    }
    return String.format(
        Locale.ROOT,
        "%s; %d of %d %s drawn, spread evenly (all in the CSV tables)",
        subtitle(),
        drawn,
        total,
        what);
  }

  private String latencyLabel() {
    if (rows.firstPlan().shape() != RdmaMetrics.Shape.LATENCY) {
      return "completion latency (us)";
    }
    boolean reads = rows.rows().stream().anyMatch(row -> row.caseGroup().equals("read"));
    boolean others = rows.rows().stream().anyMatch(row -> !row.caseGroup().equals("read"));
    if (reads && others) {
      return "latency (us): one-way for send and write, round trip for read";
    }
    return reads ? "round-trip latency (us)" : "one-way latency (us), half the round trip";
  }

  private ChartFile save(JFreeChart chart, String file, String title) {
    batch.add(chart, folder, file);
    return new ChartFile(file, title);
  }

  private static CiLineChart.Point point(double x, ConfidenceInterval interval) {
    boolean hasInterval = !Double.isNaN(interval.halfWidth());
    return new CiLineChart.Point(
        x,
        interval.mean(),
        hasInterval ? interval.low() : interval.mean(),
        hasInterval ? interval.high() : interval.mean());
  }

  /** p50 and p99 against message size, one colour per operation (and swept point). */
  Optional<ChartFile> latencyVsSize() {
    if (!rows.sizesVary()) {
      return Optional.empty();
    }
    List<CiLineChart.Series> series = new ArrayList<>();
    Map<String, List<ResultRow>> groups = RdmaRows.groupBy(rows.rows(), rows::seriesLabel);
    int colour = 0;
    for (Map.Entry<String, List<ResultRow>> group : limit(groups, MAX_LINES / 2).entrySet()) {
      series.add(
          sizeSeries(
              group.getKey() + " p50", group.getValue(), RdmaMetrics.T_TYPICAL, colour, false));
      series.add(
          sizeSeries(group.getKey() + " p99", group.getValue(), RdmaMetrics.T_P99, colour, true));
      colour++;
    }
    String title = name + ": latency vs message size (p50 solid, p99 dashed)";
    JFreeChart chart =
        CiLineChart.create(
            title,
            subtitle(Math.min(groups.size(), MAX_LINES / 2), groups.size(), "series"),
            "message size",
            CiLineChart.XScale.SIZE,
            latencyLabel(),
            series,
            targets(),
            List.of());
    return Optional.of(save(chart, RdmaChartNames.LATENCY_VS_SIZE, title));
  }

  /** Bandwidth against message size, for the throughput loops. */
  Optional<ChartFile> throughputVsSize() {
    if (!rows.sizesVary() || rows.firstPlan().shape() == RdmaMetrics.Shape.LATENCY) {
      return Optional.empty();
    }
    List<CiLineChart.Series> series = new ArrayList<>();
    Map<String, List<ResultRow>> groups = RdmaRows.groupBy(rows.rows(), rows::seriesLabel);
    int colour = 0;
    for (Map.Entry<String, List<ResultRow>> group : limit(groups, MAX_LINES).entrySet()) {
      series.add(sizeSeries(group.getKey(), group.getValue(), RdmaMetrics.BW, colour++, false));
    }
    String title = name + ": bandwidth vs message size";
    JFreeChart chart =
        CiLineChart.create(
            title,
            subtitle(Math.min(groups.size(), MAX_LINES), groups.size(), "series"),
            "message size",
            CiLineChart.XScale.SIZE,
            "bandwidth average (Gb/s)",
            series,
            List.of(),
            List.of());
    return Optional.of(save(chart, RdmaChartNames.THROUGHPUT_VS_SIZE, title));
  }

  private CiLineChart.Series sizeSeries(
      String label, List<ResultRow> group, String metric, int colour, boolean dashed) {
    List<CiLineChart.Point> points = new ArrayList<>();
    for (ResultRow row : group) {
      ConfidenceInterval interval = rows.interval(row, metric);
      if (interval != null) {
        points.add(point(row.caseValue(), interval));
      }
    }
    return new CiLineChart.Series(label, points, colour, dashed, true);
  }

  private List<CiLineChart.Target> targets() {
    double targetUs = CapacityAnswer.targetUs(rows);
    if (targetUs <= 0) {
      return List.of();
    }
    return List.of(
        new CiLineChart.Target(
            targetUs, String.format(Locale.ROOT, "p99 target %s us", plain(targetUs))));
  }

  /** p99 against the first swept parameter with the target line, titled with the answer. */
  Optional<ChartFile> p99AgainstTarget() {
    double targetUs = CapacityAnswer.targetUs(rows);
    if (targetUs <= 0 || rows.study().axes().isEmpty()) {
      return Optional.empty();
    }
    AxisPlan axis = rows.study().axes().get(0);
    List<Double> xs = axisValues(axis);
    List<CiLineChart.Series> series = new ArrayList<>();
    Map<String, List<ResultRow>> groups =
        RdmaRows.groupBy(rows.rows(), row -> CapacityAnswer.seriesOf(rows, row));
    int colour = 0;
    for (Map.Entry<String, List<ResultRow>> group : limit(groups, MAX_LINES / 2).entrySet()) {
      List<CiLineChart.Point> p99 = new ArrayList<>();
      List<CiLineChart.Point> p50 = new ArrayList<>();
      for (ResultRow row : group.getValue()) {
        double x = xs.get(axis.values().indexOf(row.coordinates().get(0)));
        ConfidenceInterval high = rows.interval(row, RdmaMetrics.T_P99);
        ConfidenceInterval typical = rows.interval(row, RdmaMetrics.T_TYPICAL);
        if (high != null) {
          p99.add(point(x, high));
        }
        if (typical != null) {
          p50.add(point(x, typical));
        }
      }
      series.add(new CiLineChart.Series(group.getKey() + " p50", p50, colour, false, true));
      series.add(new CiLineChart.Series(group.getKey() + " p99", p99, colour, true, true));
      colour++;
    }
    List<CapacityAnswer.Answer> answers = CapacityAnswer.answers(rows);
    String title =
        name + ": p99 latency vs " + RdmaRows.shortPath(axis.path()) + " (p50 solid, p99 dashed)";
    String left = subtitle(Math.min(groups.size(), MAX_LINES / 2), groups.size(), "series");
    String answer =
        answers.isEmpty()
            ? left
            : CapacityAnswer.sentence(answers.get(0), axis.path(), targetUs)
                .replaceFirst("^answer \\([^)]*\\): ", "");
    double highest =
        series.stream()
            .flatMap(one -> one.points().stream())
            .mapToDouble(CiLineChart.Point::high)
            .max()
            .orElse(targetUs);
    JFreeChart chart =
        CiLineChart.create(
            answers.size() == 1 ? title + ": " + answer : title,
            left,
            axisLabel(axis),
            CiLineChart.XScale.LINEAR,
            latencyLabel(),
            highest > 5 * targetUs,
            series,
            targets(),
            List.of());
    return Optional.of(save(chart, "p99-vs-" + ChartChoice.fileStem(axis.path()), title));
  }

  /**
   * Each point's interrupt rate against its latency, one colour per point with its p50 (lower) and
   * p99 (upper) joined: what moderation buys in interrupts and costs in latency.
   */
  Optional<ChartFile> interruptRateVsLatency() {
    if (!rows.anyNonZero(RdmaMetrics.INTERRUPT_RATE) || rows.rows().size() < 2) {
      return Optional.empty();
    }
    List<CiLineChart.Series> series = new ArrayList<>();
    for (ResultRow row : rows.spread(MAX_LINES)) {
      double rate = rows.mean(row, RdmaMetrics.INTERRUPT_RATE);
      ConfidenceInterval p50 = rows.interval(row, RdmaMetrics.T_TYPICAL);
      ConfidenceInterval p99 = rows.interval(row, RdmaMetrics.T_P99);
      if (!Double.isFinite(rate) || p50 == null || p99 == null) {
        continue;
      }
      double thousands = rate / 1000;
      String label = rows.pointLabel(row);
      series.add(
          new CiLineChart.Series(
              label.isEmpty() ? rows.rowLabel(row) : label,
              List.of(point(thousands, p50), point(thousands, p99)),
              series.size(),
              false,
              true));
    }
    String title = name + ": interrupt rate vs latency (lower dot p50, upper dot p99)";
    JFreeChart chart =
        CiLineChart.create(
            title,
            subtitle(Math.min(rows.rows().size(), MAX_LINES), rows.rows().size(), "points"),
            "interrupts per second at the clients (thousands)",
            CiLineChart.XScale.LINEAR,
            latencyLabel(),
            series,
            targets(),
            List.of());
    return Optional.of(save(chart, RdmaChartNames.INTERRUPT_RATE_VS_LATENCY, title));
  }

  /** The latency CDF of each operation and size (and swept point). */
  ChartFile latencyCdf() {
    List<CdfChart.Series> series = new ArrayList<>();
    for (ResultRow row : rows.spread(MAX_LINES)) {
      List<CdfChart.Point> points = new ArrayList<>();
      for (double percentile : LatencySamples.CDF_PERCENTILES) {
        ConfidenceInterval interval = rows.interval(row, RdmaMetrics.cdfId(percentile));
        if (interval != null) {
          boolean hasInterval = !Double.isNaN(interval.halfWidth());
          points.add(
              new CdfChart.Point(
                  percentile / 100,
                  interval.mean(),
                  hasInterval ? interval.low() : interval.mean(),
                  hasInterval ? interval.high() : interval.mean()));
        }
      }
      series.add(new CdfChart.Series(rows.rowLabel(row), points));
    }
    String title = name + ": latency CDF";
    JFreeChart chart =
        CdfChart.create(
            title, subtitle(series.size(), rows.rows().size(), "curves"), latencyLabel(), series);
    return save(chart, RdmaChartNames.LATENCY_CDF, title);
  }

  /** Where the time of one operation goes, stage by stage at the requester. */
  ChartFile stageBreakdown() {
    List<String> stages = StageBreakdown.REQUESTER_STAGES;
    List<StackedBarChart.Bar> bars = new ArrayList<>();
    for (ResultRow row : rows.spread(MAX_BARS)) {
      List<Double> parts = new ArrayList<>();
      for (String stage : stages) {
        parts.add(rows.mean(row, RdmaMetrics.stageId(stage)));
      }
      ConfidenceInterval total = rows.interval(row, RdmaMetrics.STAGE_TOTAL);
      bars.add(
          new StackedBarChart.Bar(
              rows.rowLabel(row),
              parts,
              total == null ? Double.NaN : total.mean(),
              total == null ? Double.NaN : total.halfWidth()));
    }
    String title = name + ": where the time of one operation goes (post to CQE at the requester)";
    JFreeChart chart =
        StackedBarChart.create(
            title,
            subtitle(bars.size(), rows.rows().size(), "bars"),
            "mean time per stage (ns)",
            stages,
            bars,
            "total with 95 % CI");
    return save(chart, RdmaChartNames.STAGE_BREAKDOWN, name + ": per-stage latency breakdown");
  }

  /** Requests in the system over the measured time of an open loop. */
  Optional<ChartFile> inFlightOverTime() {
    if (rows.firstPlan().shape() != RdmaMetrics.Shape.OPEN_LOOP) {
      return Optional.empty();
    }
    long durationPs = rows.study().points().get(0).plan().run().durationPs();
    List<CiLineChart.Series> series = new ArrayList<>();
    int colour = 0;
    for (ResultRow row : rows.spread(MAX_LINES / 2)) {
      List<CiLineChart.Point> inSystem = new ArrayList<>();
      List<CiLineChart.Point> atAdapters = new ArrayList<>();
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        double timeUs = InFlight.sampleTimeUs(i, durationPs);
        ConfidenceInterval requests = rows.interval(row, RdmaMetrics.inFlightId(i));
        if (requests != null) {
          inSystem.add(point(timeUs, requests));
        }
        ConfidenceInterval wqes = rows.interval(row, RdmaMetrics.outstandingWqesId(i));
        if (wqes != null) {
          atAdapters.add(point(timeUs, wqes));
        }
      }
      String label = rows.rowLabel(row);
      series.add(new CiLineChart.Series(label + ": requests", inSystem, colour, false, true));
      series.add(
          new CiLineChart.Series(label + ": WQEs at adapters", atAdapters, colour, true, true));
      colour++;
    }
    String title =
        name + ": queue occupancy over time (requests in the system solid, WQEs posted dashed)";
    JFreeChart chart =
        CiLineChart.create(
            title,
            subtitle(colour, rows.rows().size(), "points"),
            "time after the warm-up (us)",
            CiLineChart.XScale.LINEAR,
            "requests, all clients",
            series,
            List.of(),
            List.of());
    return Optional.of(save(chart, RdmaChartNames.IN_FLIGHT_OVER_TIME, title));
  }

  private static <K, V> Map<K, V> limit(Map<K, V> map, int max) {
    Map<K, V> first = new LinkedHashMap<>();
    for (Map.Entry<K, V> entry : map.entrySet()) {
      if (first.size() == max) {
        break;
      }
      first.put(entry.getKey(), entry.getValue());
    }
    return first;
  }

  /** The axis' values as numbers: themselves, a quantity in base units, or their position. */
  private static List<Double> axisValues(AxisPlan axis) {
    List<Double> xs = new ArrayList<>();
    for (AxisValue value : axis.values()) {
      if (!value.value().isNumber()) {
        for (int i = 0; i < axis.values().size(); i++) {
          xs.add((double) i);
        }
        return xs;
      }
      xs.add(value.value().asDouble());
    }
    return xs;
  }

  private static String axisLabel(AxisPlan axis) {
    boolean numbers = axis.values().stream().allMatch(value -> value.value().isNumber());
    return numbers ? axis.path() : axis.path() + " (position in the list)";
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static double us(long ps) {
    return ps / (double) SimTime.PS_PER_US;
  }
}
