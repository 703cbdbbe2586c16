package org.rnicsim.experiments.study;

import java.util.List;

/**
 * The cases a workload runs by itself (the loads of an M/M/1 study, the message sizes of a latency
 * loop), each a separate job.
 *
 * @param name what the case value is, for column names and chart axes ({@code load})
 * @param unit unit of the values, empty when they have none
 * @param values the case values, in the order the study lists them
 */
public record CaseAxis(String name, String unit, List<Double> values) {
  public CaseAxis {
    values = List.copyOf(values);
  }

  /** A workload without cases: one job per replication. */
  public static CaseAxis single() {
    return new CaseAxis("case", "", List.of(0.0));
  }

  public int size() {
    return values.size();
  }
}
