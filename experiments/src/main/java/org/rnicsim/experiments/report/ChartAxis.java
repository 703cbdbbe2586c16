package org.rnicsim.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Quantity;

/**
 * The x axis of a chart: a sweep axis or the workload's cases, with each value as a number. Values
 * with units are shown in one readable unit (durations in the largest unit the biggest value
 * reaches); values that are not numbers are placed by their position in the list.
 *
 * @param label axis label with its unit
 * @param x one number per value, in the axis' order
 */
record ChartAxis(String label, String shortName, List<Double> x) {

  static ChartAxis of(CaseAxis cases) {
    String label = cases.unit().isEmpty() ? cases.name() : cases.name() + " (" + cases.unit() + ")";
    return new ChartAxis(label, cases.name(), cases.values());
  }

  static ChartAxis of(AxisPlan axis) {
    List<AxisValue> values = axis.values();
    List<Double> x = new ArrayList<>();
    if (values.stream().allMatch(value -> value.value().isNumber())) {
      values.forEach(value -> x.add(value.value().asDouble()));
      return new ChartAxis(axis.path(), axis.path(), x);
    }
    Quantity kind = values.get(0).value().isString() ? Quantity.of(values.get(0).label()) : null;
    if (kind != null
        && values.stream().allMatch(v -> v.value().isString() && Quantity.of(v.label()) == kind)) {
      List<Long> base = new ArrayList<>();
      values.forEach(value -> base.add(kind.parse(value.label())));
      double max = base.stream().mapToLong(Long::longValue).max().orElse(1);
      Quantity.DisplayUnit unit = kind.displayUnitFor(max);
      base.forEach(value -> x.add(value / unit.baseUnits()));
      return new ChartAxis(axis.path() + " (" + unit.name() + ")", axis.path(), x);
    }
    for (int i = 0; i < values.size(); i++) {
      x.add((double) i);
    }
    return new ChartAxis(axis.path() + " (position in the list)", axis.path(), x);
  }
}
