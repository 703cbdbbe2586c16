package org.rnicsim.experiments.study;

import java.util.List;

/**
 * A validated sweep axis: the path it varies and every value it takes, in order.
 *
 * @param path the key path, as written
 * @param values at least one
 */
public record AxisPlan(String path, List<AxisValue> values) {
  public AxisPlan {
    values = List.copyOf(values);
  }
}
