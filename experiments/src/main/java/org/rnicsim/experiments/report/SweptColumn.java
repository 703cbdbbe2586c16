package org.rnicsim.experiments.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.Quantity;

/**
 * A sweep axis as a table column that analysis tools read as numbers: values with units in the
 * quantity's integer base unit, the unit in the column name ({@code run.duration_ps}, {@code
 * workload.rate_ops_per_s}); plain numbers as they are ({@code hardware.pcie.lanes}). Values that
 * are no number (a profile's name, a mapping) stay as people read them.
 *
 * @param name the column's name
 * @param cells one per axis value, in the axis' order
 */
record SweptColumn(String name, List<String> cells) {
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  static SweptColumn of(AxisPlan axis) {
    List<AxisValue> values = axis.values();
    List<String> cells = new ArrayList<>();
    if (values.stream().allMatch(value -> value.value().isNumber())) {
      values.forEach(value -> cells.add(plain(value.value().asDouble())));
      return new SweptColumn(columnName(axis.path()), cells);
    }
    Quantity kind = values.get(0).value().isString() ? Quantity.of(values.get(0).label()) : null;
    if (kind != null
        && values.stream().allMatch(v -> v.value().isString() && Quantity.of(v.label()) == kind)) {
      values.forEach(value -> cells.add(Long.toString(kind.parse(value.label()))));
      return new SweptColumn(columnName(axis.path()) + "_" + baseUnit(kind), cells);
    }
    values.forEach(value -> cells.add(value.label()));
    return new SweptColumn(columnName(axis.path()), cells);
  }

  /**
   * The path as a name R's {@code read.csv} keeps as it is: a list index {@code [1]} becomes {@code
   * .1} ({@code workload.loads.1}), which R would otherwise turn into {@code workload.loads.1.}.
   */
  static String columnName(String path) {
    return INDEX.matcher(path).replaceAll(".$1");
  }

  /** One column per axis of a study, in axis order. */
  static List<SweptColumn> of(List<AxisPlan> axes) {
    List<SweptColumn> columns = new ArrayList<>();
    axes.forEach(axis -> columns.add(of(axis)));
    return columns;
  }

  /**
   * The cells of {@code row}'s point, one per column of {@code columns} (made from {@code axes}).
   */
  static List<String> cells(List<SweptColumn> columns, List<AxisPlan> axes, ResultRow row) {
    List<String> cells = new ArrayList<>();
    for (int a = 0; a < columns.size(); a++) {
      int index = axes.get(a).values().indexOf(row.coordinates().get(a));
      cells.add(columns.get(a).cells().get(index));
    }
    return cells;
  }

  /** The base unit as a column-name suffix: letters, digits and underscores only. */
  private static String baseUnit(Quantity kind) {
    return switch (kind) {
      case DURATION -> "ps";
      case SIZE -> "bytes";
      case RATE -> "bps";
      case OPERATION_RATE -> "ops_per_s";
    };
  }

  /**
   * {@code value} in plain notation with every digit that tells it apart ({@code 0.7}, {@code 16},
   * never {@code 1.6E1}); empty for a missing value, which pandas and R read as NA.
   */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return exact.signum() == 0 ? "0" : exact.toPlainString();
  }
}
