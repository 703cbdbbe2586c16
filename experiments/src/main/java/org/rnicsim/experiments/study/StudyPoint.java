package org.rnicsim.experiments.study;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One point of a study's grid: the values its sweep axes take there, and the study as it is run
 * there, validated.
 *
 * @param index position in the grid, the first axis varying slowest
 * @param coordinates one value per axis, in axis order; empty without a sweep
 * @param plan the validated study at this point
 * @param config the merged configuration of this point, defaults included: with the rnicsim version
 *     it decides whether a job result on disk still belongs to this point
 */
public record StudyPoint(
    int index, List<AxisValue> coordinates, StudyPlan plan, ObjectNode config) {
  public StudyPoint {
    coordinates = List.copyOf(coordinates);
  }
}
