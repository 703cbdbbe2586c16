package org.rnicsim.experiments.rdma;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the charts the RDMA report draws of its own, as a study's {@code charts} key names
 * them. Each is also the stem of the chart's files, except {@link #P99_VS_SWEEP}, whose files are
 * named after the swept path ({@code p99-vs-workload-rate.png}).
 */
public final class RdmaChartNames {
  public static final String LATENCY_VS_SIZE = "latency-vs-size";
  public static final String THROUGHPUT_VS_SIZE = "throughput-vs-size";
  public static final String P99_VS_SWEEP = "p99-vs-sweep";
  public static final String INTERRUPT_RATE_VS_LATENCY = "interrupt-rate-vs-latency";
  public static final String LATENCY_CDF = "latency-cdf";
  public static final String STAGE_BREAKDOWN = "stage-breakdown";
  public static final String IN_FLIGHT_OVER_TIME = "in-flight-over-time";

  private RdmaChartNames() {}

  /** The charts a loop of {@code shape} can draw, in the order the report shows them. */
  static List<String> of(RdmaMetrics.Shape shape) {
    boolean openLoop = shape == RdmaMetrics.Shape.OPEN_LOOP;
    List<String> names = new ArrayList<>();
    names.add(LATENCY_VS_SIZE);
    if (shape != RdmaMetrics.Shape.LATENCY) {
      names.add(THROUGHPUT_VS_SIZE);
    }
    if (openLoop) {
      // Only the open loop has a p99 target to draw against.
      names.add(P99_VS_SWEEP);
    }
    names.add(INTERRUPT_RATE_VS_LATENCY);
    names.add(LATENCY_CDF);
    names.add(STAGE_BREAKDOWN);
    if (openLoop) {
      names.add(IN_FLIGHT_OVER_TIME);
    }
    return List.copyOf(names);
  }
}
