package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Which charts a study's report draws, from its top-level {@code charts} key: {@code all} (every
 * chart the workload kind draws today), {@code none} or {@code []}, or a list of chart names. The
 * tables and {@code summary.json} are written whatever it says: charts are views of them.
 *
 * <p>A chart's name is the stem of its file where that stem is fixed ({@code latency-cdf}); the
 * chart of one metric against the sweep or the cases is named by the metric's column in kebab case
 * ({@code mean-wait-ns}), its file by the metric and the x axis ({@code mean-wait-ns-vs-load}).
 *
 * @param all whether every chart is drawn
 * @param names the charts drawn when not all, in the order written
 */
public record ChartChoice(boolean all, List<String> names) {
  public static final ChartChoice ALL = new ChartChoice(true, List.of());

  /** The key's path, at the top level of a study file. */
  public static final String KEY = "charts";

  private static final String ALL_WORD = "all";
  private static final String NONE_WORD = "none";

  public ChartChoice {
    names = List.copyOf(names);
  }

  /** Whether the chart named {@code chart} is drawn. */
  public boolean draws(String chart) {
    return all || names.contains(chart);
  }

  /**
   * The name of the chart of {@code metric} against the sweep or the cases: its id as a file name
   * would spell it, lower case with dashes, which is how its files begin.
   */
  public static String metricChart(Metric metric) {
    return fileStem(metric.id());
  }

  /**
   * {@code text} as a file name: lower case, runs of anything else but letters and digits a dash.
   */
  public static String fileStem(String text) {
    String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return name.replaceAll("^-+|-+$", "");
  }

  /** Every chart {@code workload} can draw: its report's own, then one per charted metric. */
  public static List<String> offeredBy(WorkloadPlan workload) {
    List<String> names = new ArrayList<>(workload.ownCharts());
    for (Metric metric : workload.metrics()) {
      if (metric.charted() && !names.contains(metricChart(metric))) {
        names.add(metricChart(metric));
      }
    }
    return names;
  }

  /**
   * Reads the {@code charts} value; reports what is wrong with it and answers {@link #ALL} then.
   *
   * @param written the merged value, or null when no layer wrote the key
   * @param workload the study's workload, whose charts a name must be one of; null when the
   *     workload was refused, and then only the shape of the value is checked
   */
  static ChartChoice read(JsonNode written, WorkloadPlan workload, Problems problems) {
    if (written == null || written.isNull()) {
      problems.require(null, KEY);
      return ALL;
    }
    if (written.isString() && written.asString().equals(ALL_WORD)) {
      return ALL;
    }
    if (written.isString() && written.asString().equals(NONE_WORD)) {
      return new ChartChoice(false, List.of());
    }
    if (!written.isArray()) {
      problems.report(
          KEY,
          "'"
              + KEY
              + "' must be all, none or a list of chart names (got "
              + written
              + ")"
              + offerText(workload));
      return ALL;
    }
    int before = problems.count();
    List<String> names = new ArrayList<>();
    List<String> offered = workload == null ? null : offeredBy(workload);
    for (int i = 0; i < written.size(); i++) {
      String at = KEY + "[" + i + "]";
      JsonNode name = written.get(i);
      if (!name.isString()) {
        problems.report(at, "'" + at + "' must be a chart name (got " + name + ")");
      } else if (names.contains(name.asString())) {
        problems.report(at, "'" + at + "' must not repeat '" + name.asString() + "'");
      } else if (offered != null && !offered.contains(name.asString())) {
        problems.report(
            at,
            "'"
                + at
                + "': "
                + workload.kind()
                + " studies draw no chart '"
                + name.asString()
                + "'"
                + offerText(workload));
      } else {
        names.add(name.asString());
      }
    }
    return problems.count() > before ? ALL : new ChartChoice(false, names);
  }

  private static String offerText(WorkloadPlan workload) {
    return workload == null
        ? ""
        : "; this study's charts are: " + String.join(", ", offeredBy(workload));
  }
}
