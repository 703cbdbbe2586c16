package org.rnicsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Swept values become numbers in base units, the unit in the column's name. */
class SweptColumnTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void whenValuesCarryUnits_thenCellsAreIntegersInTheBaseUnitNamedInTheColumn() {
    assertColumn(
        "run.duration_ps",
        List.of("500000", "1000000", "1500000"),
        "run.duration",
        "500ns",
        "1us",
        "1.5us");
    assertColumn(
        "workload.size_bytes", List.of("4096", "1048576"), "workload.size", "4KiB", "1MiB");
    assertColumn("topology.linkRate_bps", List.of("100000000000"), "topology.linkRate", "100Gbps");
    assertColumn(
        "workload.rate_ops_per_s",
        List.of("250000", "1500000"),
        "workload.rate",
        "250Kops/s",
        "1.5Mops/s");
  }

  @Test
  void whenValuesArePlainNumbersOrNames_thenTheyStayAsTheyAre() {
    AxisPlan lanes =
        new AxisPlan(
            "hardware.pcie.lanes",
            List.of(value(NODES.numberNode(8), "8"), value(NODES.numberNode(16), "16")));
    assertEquals(new SweptColumn("hardware.pcie.lanes", List.of("8", "16")), SweptColumn.of(lanes));
    AxisPlan loads = new AxisPlan("load", List.of(value(NODES.numberNode(0.7), "0.7")));
    assertEquals(List.of("0.7"), SweptColumn.of(loads).cells());
    assertColumn(
        "hardware.profile", List.of("connectx3-class"), "hardware.profile", "connectx3-class");
  }

  private static void assertColumn(String name, List<String> cells, String path, String... labels) {
    List<AxisValue> values =
        java.util.Arrays.stream(labels)
            .map(label -> value(NODES.stringNode(label), label))
            .toList();
    assertEquals(new SweptColumn(name, cells), SweptColumn.of(new AxisPlan(path, values)));
  }

  private static AxisValue value(JsonNode node, String label) {
    return new AxisValue(node, label, null);
  }
}
