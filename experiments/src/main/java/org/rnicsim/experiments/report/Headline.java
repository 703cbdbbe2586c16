package org.rnicsim.experiments.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.experiments.output.CsvTable;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Study;

/**
 * The top of {@code report.html}, what a reader came for: the study's question, a table of the few
 * metrics that answer it (the charted ones, mean and 95 % interval per point and case) narrow
 * enough for a laptop screen, and the main chart beside it. The full table comes further down.
 */
final class Headline {
  /** More metric columns than this no longer fit beside the chart. */
  private static final int MAX_METRICS = 3;

  /** A study file's own statement of its question: a comment block starting "# Question". */
  private static final Pattern QUESTION = Pattern.compile("(?m)^#\\s*Question[^:]*:\\s*(.*)$");

  private Headline() {}

  /**
   * The question a study asks: the first sentence up to a question mark of its {@code # Question:}
   * comment, else its description, else nothing.
   */
  static String question(Study study) {
    Matcher start = QUESTION.matcher(study.text());
    if (start.find()) {
      StringBuilder text = new StringBuilder(start.group(1).trim());
      String[] following = study.text().substring(start.end()).split("\n", -1);
      for (int i = 1; i < following.length && text.indexOf("?") < 0; i++) {
        String line = following[i].trim();
        if (!line.startsWith("#") || line.equals("#")) {
          break;
        }
        text.append(' ').append(line.substring(1).trim());
      }
      int mark = text.indexOf("?");
      return mark < 0 ? text.toString() : text.substring(0, mark + 1);
    }
    return study.description();
  }

  /** The metrics the headline shows: those charted, else the first of the table's. */
  static List<Integer> metrics(CombinedResults results) {
    List<Integer> chosen = new ArrayList<>();
    for (int pass = 0; pass < 2 && chosen.size() < MAX_METRICS; pass++) {
      for (int m = 0; m < results.metrics().size() && chosen.size() < MAX_METRICS; m++) {
        Metric metric = results.metrics().get(m);
        if (!metric.detail() && (pass == 1 || metric.charted()) && !chosen.contains(m)) {
          chosen.add(m);
        }
      }
    }
    return chosen;
  }

  /** The headline table: what varies, then each headline metric as mean ± half-width. */
  static CsvTable table(CombinedResults results) {
    List<Integer> metrics = metrics(results);
    List<String> header = new ArrayList<>();
    results.study().axes().forEach(axis -> header.add(shortPath(axis.path())));
    boolean groups = results.caseAxis().hasGroups();
    boolean cases = results.caseAxis().values().stream().distinct().count() > 1;
    if (groups) {
      header.add(results.caseAxis().groupName());
    }
    if (cases) {
      header.add(ChartAxis.of(results.caseAxis()).label());
    }
    for (int m : metrics) {
      header.add(PointTable.title(results.metrics().get(m)) + ", mean ± 95 % CI");
    }
    CsvTable table = new CsvTable(header);
    for (ResultRow row : results.rows()) {
      List<String> cells = new ArrayList<>();
      row.coordinates().forEach(value -> cells.add(value.label()));
      if (groups) {
        cells.add(row.caseGroup());
      }
      if (cases) {
        cells.add(Numbers.text(row.caseValue()));
      }
      for (int m : metrics) {
        cells.add(meanAndHalfWidth(row.metrics().get(m)));
      }
      table.row(cells.toArray(new String[0]));
    }
    return table;
  }

  /**
   * The mean to four significant digits and the interval's half-width to two ({@code 4.876 ±
   * 0.032}); the mean alone where the replications agreed or there was one.
   */
  private static String meanAndHalfWidth(ConfidenceInterval interval) {
    if (interval == null) {
      return "";
    }
    String mean = significant(interval.mean(), 4);
    return Double.isNaN(interval.halfWidth()) || interval.halfWidth() == 0
        ? mean
        : mean + " ± " + significant(interval.halfWidth(), 2);
  }

  private static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      return "";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  /** The last two parts of a key path: {@code pcie.lanes} for {@code hardware.pcie.lanes}. */
  private static String shortPath(String path) {
    String[] parts = path.split("\\.");
    return parts.length <= 2 ? path : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }
}
