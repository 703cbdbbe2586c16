package org.rnicsim.experiments.study;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks the sweep section and expands each axis into its values. Nothing here knows what the
 * values mean: each is checked later, where the point that uses it is bound and validated.
 */
final class SweepAxes {
  /** Values of one axis; more is a typo (a step of 1ns across a second), not a study. */
  static final int MAX_VALUES_PER_AXIS = 10_000;

  /** Points of the whole grid, each run replications times over. */
  static final int MAX_POINTS = 10_000;

  /**
   * Parts of a study that name it, describe the sweep itself or choose what its one report shows,
   * so no axis may vary them.
   */
  private static final Set<String> FIXED_KEYS =
      Set.of("name", "description", "sweep", ChartChoice.KEY);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SweepAxes() {}

  /**
   * The axes, in file order, or an empty list; problems go to {@code problems}.
   *
   * @param axes the bound axes (entries may be null where binding refused them)
   * @param written the sweep list as written, for the values' exact form
   */
  static List<AxisPlan> expand(List<SweepAxis> axes, JsonNode written, Problems problems) {
    List<AxisPlan> plans = new ArrayList<>();
    if (axes == null) {
      return plans;
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      SweepAxis axis = axes.get(i);
      String at = "sweep[" + i + "]";
      if (axis == null) {
        problems.report(at, "'" + at + "' must be a mapping with 'path' and 'values' or a range");
        continue;
      }
      if (!checkPath(axis.path(), at, paths, problems)) {
        continue;
      }
      List<AxisValue> values = valuesOf(axis, written.get(i), at, problems);
      if (values != null) {
        plans.add(new AxisPlan(axis.path(), values));
      }
    }
    BigInteger points = BigInteger.ONE;
    for (AxisPlan plan : plans) {
      points = points.multiply(BigInteger.valueOf(plan.values().size()));
    }
    if (points.compareTo(BigInteger.valueOf(MAX_POINTS)) > 0) {
      problems.report(
          "sweep",
          "the sweep has " + points + " points; the limit is " + MAX_POINTS + " (fewer values?)");
    }
    return plans;
  }

  private static boolean checkPath(
      String path, String at, List<String> earlier, Problems problems) {
    String pathAt = at + ".path";
    if (problems.require(path, pathAt) == null) {
      return false;
    }
    if (!ConfigPath.isValid(path)) {
      problems.report(
          pathAt,
          "'"
              + pathAt
              + "' must be a key path such as run.seed or workload.loads[0] (got '"
              + path
              + "')");
      return false;
    }
    String root = (String) ConfigPath.steps(path).get(0);
    if (FIXED_KEYS.contains(root)) {
      problems.report(pathAt, "'" + pathAt + "': a sweep cannot vary '" + root + "'");
      return false;
    }
    // Results combine metric by metric, and each kind measures different ones.
    if (path.equals("workload") || path.equals("workload.kind")) {
      problems.report(
          pathAt,
          "'" + pathAt + "': a sweep cannot vary the workload kind; run one study per kind");
      return false;
    }
    for (String other : earlier) {
      if (path.equals(other) || isUnder(path, other) || isUnder(other, path)) {
        problems.report(
            pathAt,
            "'" + pathAt + "' overlaps the earlier axis '" + other + "' (got '" + path + "')");
        return false;
      }
    }
    earlier.add(path);
    return true;
  }

  private static boolean isUnder(String path, String ancestor) {
    return path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
  }

  private static List<AxisValue> valuesOf(
      SweepAxis axis, JsonNode written, String at, Problems problems) {
    boolean hasRange = axis.from() != null || axis.to() != null || axis.step() != null;
    if (axis.values() != null && hasRange) {
      problems.report(at, "'" + at + "' has both 'values' and a range; give one of them");
      return null;
    }
    if (axis.values() != null) {
      return listed(written.get("values"), at + ".values", problems);
    }
    if (!hasRange) {
      problems.report(
          at, "'" + at + "' needs 'values: [...]' or a range 'from:', 'to:' and 'step:'");
      return null;
    }
    JsonNode from = problems.require(nonNull(written.get("from")), at + ".from");
    JsonNode to = problems.require(nonNull(written.get("to")), at + ".to");
    JsonNode step = problems.require(nonNull(written.get("step")), at + ".step");
    if (from == null || to == null || step == null) {
      return null;
    }
    if (from.isNumber() && to.isNumber() && step.isNumber()) {
      return numberRange(from.decimalValue(), to.decimalValue(), step.decimalValue(), at, problems);
    }
    if (from.isString() && to.isString() && step.isString()) {
      return quantityRange(from.asString(), to.asString(), step.asString(), at, problems);
    }
    problems.report(
        at,
        "'"
            + at
            + "': from, to and step must be all numbers or all quantities with units (1us, 4KiB)");
    return null;
  }

  private static JsonNode nonNull(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private static List<AxisValue> listed(JsonNode list, String at, Problems problems) {
    if (list.isEmpty()) {
      problems.report(at, "'" + at + "' must list at least one value");
      return null;
    }
    if (list.size() > MAX_VALUES_PER_AXIS) {
      problems.check(false, at, "list at most " + MAX_VALUES_PER_AXIS + " values", list.size());
      return null;
    }
    List<AxisValue> values = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      JsonNode value = list.get(j);
      values.add(new AxisValue(value, labelOf(value), problems.originOf(at + "[" + j + "]")));
    }
    return values;
  }

  private static List<AxisValue> numberRange(
      BigDecimal from, BigDecimal to, BigDecimal step, String at, Problems problems) {
    long count = count(to.subtract(from), step, at, problems);
    if (count < 0) {
      return null;
    }
    boolean whole =
        from.stripTrailingZeros().scale() <= 0 && step.stripTrailingZeros().scale() <= 0;
    Origin origin = problems.originOf(at + ".from");
    List<AxisValue> values = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      BigDecimal value = from.add(step.multiply(BigDecimal.valueOf(k))).stripTrailingZeros();
      JsonNode node =
          whole ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value.doubleValue());
      values.add(new AxisValue(node, value.toPlainString(), origin));
    }
    return values;
  }

  private static List<AxisValue> quantityRange(
      String from, String to, String step, String at, Problems problems) {
    Quantity kind = Quantity.of(from);
    if (kind == null) {
      problems.report(
          at + ".from",
          "'"
              + at
              + ".from' must be a number or a quantity with a unit such as 1us, 4KiB or 100Gbps"
              + " (got \""
              + from
              + "\")");
      return null;
    }
    Long fromBase = parse(kind, from, at + ".from", problems);
    Long toBase = parse(kind, to, at + ".to", problems);
    Long stepBase = parse(kind, step, at + ".step", problems);
    if (fromBase == null || toBase == null || stepBase == null) {
      return null;
    }
    long count =
        count(BigDecimal.valueOf(toBase - fromBase), BigDecimal.valueOf(stepBase), at, problems);
    if (count < 0) {
      return null;
    }
    String unit = Quantity.unitOf(from);
    Origin origin = problems.originOf(at + ".from");
    List<AxisValue> values = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      String label = kind.format(fromBase + k * stepBase, unit);
      values.add(new AxisValue(NODES.stringNode(label), label, origin));
    }
    return values;
  }

  private static Long parse(Quantity kind, String text, String path, Problems problems) {
    try {
      return kind.parse(text);
    } catch (IllegalArgumentException e) {
      problems.report(
          path, "bad " + kind.noun() + " at '" + path + "' (as 'from' is one): " + e.getMessage());
      return null;
    }
  }

  /** How many values a range has, or -1 after reporting why it has none. */
  private static long count(BigDecimal span, BigDecimal step, String at, Problems problems) {
    if (step.signum() <= 0) {
      problems.report(at + ".step", "'" + at + ".step' must be positive (got " + step + ")");
      return -1;
    }
    if (span.signum() < 0) {
      problems.report(at + ".to", "'" + at + ".to' must not be below 'from'");
      return -1;
    }
    BigInteger steps = span.divideToIntegralValue(step).toBigInteger();
    if (steps.compareTo(BigInteger.valueOf(MAX_VALUES_PER_AXIS)) >= 0) {
      problems.report(
          at,
          "'"
              + at
              + "' has "
              + steps.add(BigInteger.ONE)
              + " values; the limit is "
              + MAX_VALUES_PER_AXIS
              + " per axis (a bigger step?)");
      return -1;
    }
    return steps.longValueExact() + 1;
  }

  static String labelOf(JsonNode value) {
    if (value.isString()) {
      return value.asString();
    }
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (value.isObject()) {
      // A mapping merges into the configuration key by key; name it the same way.
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        String inner = labelOf(entry.getValue());
        parts.add(entry.getKey() + "=" + (entry.getValue().isObject() ? "{" + inner + "}" : inner));
      }
      return String.join(" ", parts);
    }
    return value.toString();
  }
}
