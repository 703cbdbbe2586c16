package org.rnicsim.experiments.rdma.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;

/**
 * The answer to "how far can the first swept parameter go with the 99th percentile under the
 * target?": for each series, the last value of the axis before the first point whose p99 is not
 * under the target with 95 % confidence (the interval's upper end must be below it).
 */
final class CapacityAnswer {
  /**
   * One series' answer.
   *
   * @param series what else the rows have in common ("write 4KiB")
   * @param lastMeeting the last axis value under the target, null when even the first misses
   * @param p99AtLastUs its p99 mean
   * @param p99HighAtLastUs its p99 interval's upper end
   * @param firstMissing the first axis value not under the target, null when none misses
   * @param p99AtFirstMissingUs its p99 mean
   */
  record Answer(
      String series,
      String lastMeeting,
      double p99AtLastUs,
      double p99HighAtLastUs,
      String firstMissing,
      double p99AtFirstMissingUs) {}

  private CapacityAnswer() {}

  static double targetUs(RdmaRows rows) {
    return rows.firstPlan().p99TargetPs() / (double) SimTime.PS_PER_US;
  }

  /** The answers, one per series; empty without a target or without a sweep. */
  static List<Answer> answers(RdmaRows rows) {
    double targetUs = targetUs(rows);
    List<Answer> answers = new ArrayList<>();
    if (targetUs <= 0 || rows.study().axes().isEmpty()) {
      return answers;
    }
    Map<String, List<ResultRow>> series = RdmaRows.groupBy(rows.rows(), row -> seriesOf(rows, row));
    for (Map.Entry<String, List<ResultRow>> entry : series.entrySet()) {
      ResultRow last = null;
      ResultRow missing = null;
      for (ResultRow row : entry.getValue()) {
        if (meets(rows, row, targetUs)) {
          last = row;
        } else {
          missing = row;
          break;
        }
      }
      answers.add(
          new Answer(
              entry.getKey(),
              last == null ? null : last.coordinates().get(0).label(),
              last == null ? Double.NaN : rows.mean(last, RdmaMetrics.T_P99),
              last == null ? Double.NaN : high(rows.interval(last, RdmaMetrics.T_P99)),
              missing == null ? null : missing.coordinates().get(0).label(),
              missing == null ? Double.NaN : rows.mean(missing, RdmaMetrics.T_P99)));
    }
    return answers;
  }

  static String seriesOf(RdmaRows rows, ResultRow row) {
    String others = rows.pointLabel(row, 1);
    String base =
        row.caseGroup()
            + " "
            + org.rnicsim.experiments.rdma.sim.SizeText.of((long) row.caseValue());
    return others.isEmpty() ? base : base + ", " + others;
  }

  static boolean meets(RdmaRows rows, ResultRow row, double targetUs) {
    ConfidenceInterval p99 = rows.interval(row, RdmaMetrics.T_P99);
    return p99 != null && high(p99) < targetUs;
  }

  private static double high(ConfidenceInterval interval) {
    if (interval == null) {
      return Double.NaN;
    }
    return Double.isNaN(interval.halfWidth()) ? interval.mean() : interval.high();
  }

  /** Prints the answers, or for a study without a sweep whether each row meets the target. */
  static void print(RdmaRows rows, PrintWriter out) {
    double targetUs = targetUs(rows);
    if (targetUs <= 0) {
      return;
    }
    if (rows.study().axes().isEmpty()) {
      for (ResultRow row : rows.rows()) {
        out.printf(
            Locale.ROOT,
            "p99 target %s us: %s %s (p99 %.2f us)%n",
            number(targetUs),
            rows.rowLabel(row),
            meets(rows, row, targetUs) ? "meets it" : "misses it",
            rows.mean(row, RdmaMetrics.T_P99));
      }
      return;
    }
    AxisPlan axis = rows.study().axes().get(0);
    for (Answer answer : answers(rows)) {
      out.println(sentence(answer, axis.path(), targetUs));
    }
  }

  static String sentence(Answer answer, String axisPath, double targetUs) {
    String name = RdmaRows.shortPath(axisPath);
    if (answer.lastMeeting() == null) {
      return String.format(
          Locale.ROOT,
          "answer (%s): p99 is not under %s us even at %s = %s (p99 %.2f us)",
          answer.series(),
          number(targetUs),
          name,
          answer.firstMissing(),
          answer.p99AtFirstMissingUs());
    }
    String beyond =
        answer.firstMissing() == null
            ? "; every swept value stays under it"
            : String.format(
                Locale.ROOT,
                "; at %s = %s it is %.2f us",
                name,
                answer.firstMissing(),
                answer.p99AtFirstMissingUs());
    return String.format(
        Locale.ROOT,
        "answer (%s): p99 stays under %s us up to %s = %s (p99 %.2f us, 95 %% CI up to %.2f us)%s",
        answer.series(),
        number(targetUs),
        name,
        answer.lastMeeting(),
        answer.p99AtLastUs(),
        answer.p99HighAtLastUs(),
        beyond);
  }

  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
