package org.rnicsim.experiments.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of {@code rnicsim calibrate} as a terminal table, a markdown report and JSON rows.
 */
public final class CalibrationReport {
  static final List<String> COLUMNS =
      List.of(
          "figure",
          "source",
          "conditions",
          "published",
          "model",
          "error",
          "tolerance",
          "use",
          "pass");

  private CalibrationReport() {}

  static List<String> cells(FigureResult result) {
    CalibrationFigure f = result.figure();
    String unit = " " + f.unit();
    return List.of(
        f.figure(),
        f.source(),
        f.conditions(),
        java.math.BigDecimal.valueOf(f.published()).stripTrailingZeros().toPlainString() + unit,
        FigureResult.number(result.model()) + unit,
        errorText(result.error()),
        result.toleranceText(),
        f.use(),
        result.passes() ? "pass" : "FAIL");
  }

  /** Signed, two decimals, and no "-0.00 %" for an error that rounds to nothing. */
  static String errorText(double error) {
    String text = String.format(Locale.ROOT, "%+.2f %%", error * 100);
    return text.matches("[+-]0\\.00 %") ? "0.00 %" : text;
  }

  /** The markdown table, which the README carries between its calibration markers. */
  public static String markdownTable(List<FigureResult> results) {
    StringBuilder text = new StringBuilder();
    text.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    text.append("|").append("---|".repeat(COLUMNS.size())).append('\n');
    for (FigureResult result : results) {
      text.append("| ").append(String.join(" | ", cells(result))).append(" |\n");
    }
    return text.toString();
  }

  /** The whole report file. */
  public static String markdown(List<FigureResult> results) {
    long passed = results.stream().filter(FigureResult::passes).count();
    return "# Calibration report\n\n"
        + "Written by `rnicsim calibrate` from configs/calibration/figures.yaml; the entries are"
        + " those of docs/calibration.md (L1: the latency curve of docs/calibration-latency.md;"
        + " Q1 as ratios to a reference QP count, docs/calibration-qp-scaling.md)."
        + " tuned: a profile number was set from the figure;"
        + " held-out: nothing was, so agreement is evidence.\n\n"
        + markdownTable(results)
        + String.format(
            Locale.ROOT, "%n%d of %d figures within tolerance.%n", passed, results.size());
  }

  /** Columns padded to their widest cell, for the terminal. */
  public static String terminal(List<FigureResult> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(COLUMNS);
    results.forEach(r -> rows.add(cells(r)));
    int[] widths = new int[COLUMNS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row.get(i)));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** One object per figure, for {@code --json}. */
  public static List<Map<String, Object>> json(List<FigureResult> results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FigureResult result : results) {
      CalibrationFigure f = result.figure();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("figure", f.figure());
      row.put("source", f.source());
      row.put("conditions", f.conditions());
      row.put("profile", result.profile());
      row.put("unit", f.unit());
      row.put("published", f.published());
      row.put("model", result.model());
      row.put("error", result.error());
      row.put("tolerance", f.tolerance());
      row.put("bound", f.bound());
      row.put("use", f.use());
      row.put("pass", result.passes());
      rows.add(row);
    }
    return rows;
  }
}
