package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * results-long.csv is tidy: one row per point, case, replication and metric, swept values as
 * numbers in base units with the unit in the column name, and values that average to results.csv's
 * means.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResultsLongTest {
  @TempDir Path dir;

  @Test
  void whenSweepRuns_thenResultsLongHasOneNumericRowPerJobAndMetricMatchingTheMeans()
      throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SweepCommandTest.SMALL_SWEEP);
    Path out = dir.resolve("out");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", out.toString()).exitCode());

    List<String> lines = Files.readAllLines(out.resolve("results-long.csv"));
    assertEquals(
        "point,workload.meanServiceTime_ps,load,replication,metric,value,unit", lines.get(0));
    ResultsCsv long_ = ResultsCsv.read(out.resolve("results-long.csv"));
    List<String> metrics = long_.rows().stream().map(row -> row.get("metric")).distinct().toList();
    assertTrue(metrics.contains("mean_wait_ns"), metrics.toString());
    assertEquals(12 * metrics.size(), long_.rows().size(), "one row per job and metric");
    for (Map<String, String> row : long_.rows()) {
      for (String column : List.of("point", "workload.meanServiceTime_ps", "load", "replication")) {
        Double.parseDouble(row.get(column));
      }
      assertTrue(
          row.get("value").isEmpty() || Double.isFinite(Double.parseDouble(row.get("value"))),
          row.toString());
      assertTrue(row.get("value").matches("-?[0-9.]*"), "plain notation: " + row);
    }
    assertEquals(
        List.of("1000000", "2000000"),
        long_.rows().stream()
            .map(row -> row.get("workload.meanServiceTime_ps"))
            .distinct()
            .toList());

    ResultsCsv wide = ResultsCsv.read(out.resolve("results.csv"));
    for (Map<String, String> point : wide.rows()) {
      List<Map<String, String>> replications =
          long_.where(
              "workload.meanServiceTime_ps",
              point.get("workload.meanServiceTime_ps"),
              "load",
              point.get("load"),
              "metric",
              "mean_wait_ns");
      assertEquals(3, replications.size());
      double mean =
          replications.stream()
              .mapToDouble(row -> Double.parseDouble(row.get("value")))
              .average()
              .orElseThrow();
      double reported = Double.parseDouble(point.get("mean_wait_ns"));
      assertEquals(reported, mean, Math.abs(reported) * 1e-6, point.toString());
      assertEquals("ns", replications.get(0).get("unit"));
    }
  }

  @Test
  void whenRReadsResultsLong_thenNamesStayAndEveryColumnButMetricAndUnitIsNumeric()
      throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("sweep.yaml"),
            // A second axis sweeps one element of a list: R renames "loads[1]", keeps "loads.1".
            SweepCommandTest.SMALL_SWEEP + "  - path: workload.loads[1]\n    values: [0.6, 0.9]\n");
    Path out = dir.resolve("out");
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", out.toString()).exitCode());

    RReadCsv read = RReadCsv.read(out.resolve("results-long.csv"));
    assertEquals(
        Map.of(
            "point", "integer",
            "workload.meanServiceTime_ps", "integer",
            "workload.loads.1", "numeric",
            "load", "numeric",
            "replication", "integer",
            "metric", "character",
            "value", "numeric",
            "unit", "character"),
        read.classes());
    assertEquals(
        List.of(
            "point",
            "workload.meanServiceTime_ps",
            "workload.loads.1",
            "load",
            "replication",
            "metric",
            "value",
            "unit"),
        List.copyOf(read.classes().keySet()));
    assertEquals(Files.readAllLines(out.resolve("results-long.csv")).size() - 1, read.rows());
  }
}
