package org.rnicsim.experiments.study;

import java.util.List;

/**
 * A study file, checked completely and expanded into the points that will run.
 *
 * @param displayName the file as the user named it
 * @param text the file's text, echoed verbatim in the report
 * @param settings the {@code --set} options applied over it, in order
 * @param name the study's name, a safe folder name
 * @param description free text, possibly empty
 * @param axes the sweep axes, in file order; empty when the study is run as one point
 * @param points the grid: every combination of axis values, the first axis varying slowest
 * @param sweepLeftOut whether the file has sweep axes that were not expanded (a one-point run)
 * @param charts which charts the report draws; one choice for the whole study, as no sweep may vary
 *     it
 */
public record Study(
    String displayName,
    String text,
    List<String> settings,
    String name,
    String description,
    List<AxisPlan> axes,
    List<StudyPoint> points,
    boolean sweepLeftOut,
    ChartChoice charts) {
  public Study {
    settings = List.copyOf(settings);
    axes = List.copyOf(axes);
    points = List.copyOf(points);
  }

  /** Jobs over all points: cases times replications, summed. */
  public long jobCount() {
    long jobs = 0;
    for (StudyPoint point : points) {
      jobs += (long) point.plan().workload().cases().size() * point.plan().run().replications();
    }
    return jobs;
  }
}
