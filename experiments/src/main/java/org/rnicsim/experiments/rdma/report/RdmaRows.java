package org.rnicsim.experiments.rdma.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.rdma.RdmaPlan;
import org.rnicsim.experiments.report.CombinedResults;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.Study;

/**
 * The combined results of an RDMA study as the charts and the perftest table read them: a metric's
 * interval by id, the plan of a row's point, and short labels of what varies.
 */
final class RdmaRows {
  private final CombinedResults results;

  RdmaRows(CombinedResults results) {
    this.results = results;
  }

  CombinedResults results() {
    return results;
  }

  Study study() {
    return results.study();
  }

  List<ResultRow> rows() {
    return results.rows();
  }

  RdmaPlan plan(ResultRow row) {
    return (RdmaPlan) results.study().points().get(row.point()).plan().workload();
  }

  RdmaPlan firstPlan() {
    return (RdmaPlan) results.study().points().get(0).plan().workload();
  }

  /** The interval of metric {@code id} in {@code row}, or null where nothing was measured. */
  ConfidenceInterval interval(ResultRow row, String id) {
    int index = results.metricIndex(id);
    return index < 0 ? null : row.metrics().get(index);
  }

  /** The mean of metric {@code id} in {@code row}, NaN where nothing was measured. */
  double mean(ResultRow row, String id) {
    ConfidenceInterval interval = interval(row, id);
    return interval == null ? Double.NaN : interval.mean();
  }

  /** Whether any row measured metric {@code id} as something other than zero. */
  boolean anyNonZero(String id) {
    for (ResultRow row : results.rows()) {
      double mean = mean(row, id);
      if (Double.isFinite(mean) && mean != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the rows have more than one distinct size. */
  boolean sizesVary() {
    return results.rows().stream().mapToDouble(ResultRow::caseValue).distinct().count() > 1;
  }

  /** The swept values of a row's point, "lanes=8, generation=gen3"; empty without a sweep. */
  String pointLabel(ResultRow row) {
    return pointLabel(row, 0);
  }

  /** As {@link #pointLabel(ResultRow)}, leaving out the first {@code skip} axes. */
  String pointLabel(ResultRow row, int skip) {
    List<String> parts = new ArrayList<>();
    List<AxisPlan> axes = results.study().axes();
    for (int a = skip; a < axes.size(); a++) {
      String value = row.coordinates().get(a).label();
      // A swept mapping already names its keys: "generation=gen3 lanes=8" says it all.
      parts.add(value.contains("=") ? value : shortPath(axes.get(a).path()) + "=" + value);
    }
    return String.join(", ", parts);
  }

  /** The last key of a path: {@code hardware.pcie.lanes} reads as {@code lanes}. */
  static String shortPath(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /**
   * At most {@code max} rows, spread evenly from the first to the last, so a chart of a long sweep
   * shows its ends as well as its start.
   */
  List<ResultRow> spread(int max) {
    List<ResultRow> all = results.rows();
    if (all.size() <= max) {
      return all;
    }
    List<ResultRow> chosen = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      chosen.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (max - 1))));
    }
    return chosen;
  }

  /** Rows grouped by a key, in first-seen order. */
  static Map<String, List<ResultRow>> groupBy(
      List<ResultRow> rows, java.util.function.Function<ResultRow, String> key) {
    Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
    for (ResultRow row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  /** "write" or "write, lanes=8": the series a row belongs to across sizes. */
  String seriesLabel(ResultRow row) {
    String point = pointLabel(row);
    return point.isEmpty() ? row.caseGroup() : row.caseGroup() + ", " + point;
  }

  /** "write 4KiB" or "write 4KiB, lanes=8": one row among all. */
  String rowLabel(ResultRow row) {
    String base =
        row.caseGroup()
            + " "
            + org.rnicsim.experiments.rdma.sim.SizeText.of((long) row.caseValue());
    String point = pointLabel(row);
    return point.isEmpty() ? base : base + ", " + point;
  }
}
