package org.rnicsim.experiments.study;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The cases a workload runs by itself (the loads of an M/M/1 study, the message sizes of a latency
 * loop), each a separate job. Cases may come in named groups (the operations of a latency loop,
 * each over the same sizes): tables then carry the group in a column of its own and charts draw one
 * series per group.
 *
 * @param name what the case value is, for column names and chart axes ({@code load})
 * @param unit unit of the values, empty when they have none
 * @param values the case values, in the order the study lists them
 * @param groupName what the groups are ({@code operation}), empty without groups
 * @param groups per case, the group it belongs to; empty without groups
 */
public record CaseAxis(
    String name, String unit, List<Double> values, String groupName, List<String> groups) {
  public CaseAxis {
    values = List.copyOf(values);
    groups = List.copyOf(groups);
    if (!groups.isEmpty() && groups.size() != values.size()) {
      throw new IllegalArgumentException("one group per case, or none");
    }
  }

  /** Cases without groups. */
  public CaseAxis(String name, String unit, List<Double> values) {
    this(name, unit, values, "", List.of());
  }

  /** A workload without cases: one job per replication. */
  public static CaseAxis single() {
    return new CaseAxis("case", "", List.of(0.0));
  }

  public int size() {
    return values.size();
  }

  public boolean hasGroups() {
    return !groups.isEmpty();
  }

  /** The group of case {@code index}, empty without groups. */
  public String group(int index) {
    return groups.isEmpty() ? "" : groups.get(index);
  }

  /** The distinct groups in order of first appearance. */
  public List<String> distinctGroups() {
    return groups.stream().distinct().toList();
  }

  /** Cases of {@code group}, in case order; every case without groups. */
  public List<Integer> casesOf(String group) {
    if (groups.isEmpty()) {
      return IntStream.range(0, values.size()).boxed().toList();
    }
    return IntStream.range(0, values.size())
        .filter(i -> groups.get(i).equals(group))
        .boxed()
        .toList();
  }
}
