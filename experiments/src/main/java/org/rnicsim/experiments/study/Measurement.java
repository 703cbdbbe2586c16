package org.rnicsim.experiments.study;

import java.util.List;

/**
 * What one job measured.
 *
 * @param values one per metric of the workload, in its order; NaN when there was nothing to measure
 * @param eventsExecuted simulator events the job ran, warm-up included (for events per second)
 */
public record Measurement(List<Double> values, long eventsExecuted) {
  public Measurement {
    values = List.copyOf(values);
  }
}
