package org.rnicsim.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.output.JsonFiles;
import org.rnicsim.experiments.stats.ConfidenceInterval;
import org.rnicsim.experiments.study.AxisPlan;
import org.rnicsim.experiments.study.AxisValue;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyPlan;

/**
 * {@code summary.json}: what was run and every row of results, for programs. Keys keep their order;
 * metric keys carry their unit ({@code mean_wait_ns}).
 */
final class SummaryFile {
  private SummaryFile() {}

  static void write(CombinedResults results, String rnicsimVersion, Path file) throws IOException {
    Study study = results.study();
    StudyPlan first = study.points().get(0).plan();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("rnicsimVersion", rnicsimVersion);
    root.put("study", study.name());
    root.put("description", study.description());
    root.put("studyFile", String.valueOf(Path.of(study.displayName()).getFileName()));
    root.put("settings", study.settings());
    root.put("kind", first.workload().kind());
    root.put("seed", first.run().seed());
    root.put("replications", first.run().replications());
    root.put("confidenceLevel", CombinedResults.CONFIDENCE_LEVEL);
    root.put("intervalMethod", "Student t across replications");
    root.put("points", study.points().size());
    root.put("jobs", study.jobCount());
    root.put("eventsExecuted", results.eventsExecuted());
    List<Map<String, Object>> axes = new ArrayList<>();
    for (AxisPlan axis : study.axes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", axis.path());
      entry.put("values", axis.values().stream().map(AxisValue::label).toList());
      axes.add(entry);
    }
    root.put("sweep", axes);
    Map<String, Object> cases = new LinkedHashMap<>();
    cases.put("name", results.caseAxis().name());
    cases.put("unit", results.caseAxis().unit());
    if (results.caseAxis().hasGroups()) {
      cases.put("group", results.caseAxis().groupName());
    }
    root.put("cases", cases);
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (Metric metric : results.metrics()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", metric.id());
      entry.put("label", metric.label());
      entry.put("unit", metric.unit());
      metrics.add(entry);
    }
    root.put("metrics", metrics);
    root.put("results", rows(results));
    JsonFiles.write(file, root);
  }

  private static List<Map<String, Object>> rows(CombinedResults results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ResultRow row : results.rows()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", row.point());
      Map<String, Object> coordinates = new LinkedHashMap<>();
      for (int a = 0; a < row.coordinates().size(); a++) {
        coordinates.put(results.study().axes().get(a).path(), row.coordinates().get(a).label());
      }
      entry.put("sweep", coordinates);
      if (results.caseAxis().hasGroups()) {
        entry.put(results.caseAxis().groupName(), row.caseGroup());
      }
      entry.put(results.caseAxis().name(), Numbers.json(row.caseValue()));
      entry.put("replications", row.replications());
      entry.put("eventsExecuted", row.eventsExecuted());
      for (int m = 0; m < results.metrics().size(); m++) {
        entry.put(results.metrics().get(m).id(), stats(row, m));
      }
      rows.add(entry);
    }
    return rows;
  }

  private static Map<String, Object> stats(ResultRow row, int metric) {
    ConfidenceInterval interval = row.metrics().get(metric);
    Map<String, Object> stats = new LinkedHashMap<>();
    boolean hasInterval = interval != null && !Double.isNaN(interval.halfWidth());
    stats.put("mean", interval == null ? null : Numbers.json(interval.mean()));
    stats.put("ciHalfWidth", hasInterval ? Numbers.json(interval.halfWidth()) : null);
    stats.put("ciLow", hasInterval ? Numbers.json(interval.low()) : null);
    stats.put("ciHigh", hasInterval ? Numbers.json(interval.high()) : null);
    stats.put("samples", interval == null ? 0 : interval.samples());
    double reference = row.references().get(metric);
    if (!Double.isNaN(reference)) {
      stats.put("reference", Numbers.json(reference));
      stats.put("referenceWithinCi", hasInterval ? interval.contains(reference) : null);
    }
    return stats;
  }
}
