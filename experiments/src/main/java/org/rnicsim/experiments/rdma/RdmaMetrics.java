package org.rnicsim.experiments.rdma;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.rdma.sim.AdapterQueues;
import org.rnicsim.experiments.rdma.sim.LatencySamples;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;
import org.rnicsim.experiments.rdma.sim.RunOutcome;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.model.adapter.observe.StageBreakdown;

/**
 * The metrics of the RDMA loops, named as perftest prints them where it has a name ({@code t_min},
 * {@code t_typical}, {@code BW average}, {@code MsgRate}), and the detail metrics behind the
 * charts: points of the latency CDF, the per-stage means, and samples of the requests in flight.
 */
public final class RdmaMetrics {
  public static final String T_MIN = "t_min_us";
  public static final String T_TYPICAL = "t_typical_us";
  public static final String T_AVG = "t_avg_us";
  public static final String T_STDEV = "t_stdev_us";
  public static final String T_P99 = "t_p99_us";
  public static final String T_P999 = "t_p999_us";
  public static final String T_MAX = "t_max_us";
  public static final String ITERATIONS = "iterations";
  public static final String BW = "bw_gbps";
  public static final String MSG_RATE = "msg_rate_mpps";
  public static final String INTERRUPT_RATE = "interrupts_per_s";
  public static final String CQES_PER_INTERRUPT = "cqes_per_interrupt";
  public static final String DROPPED = "dropped_arrivals";
  public static final String SWITCH_DROPS = "switch_drops";
  public static final String STAGE_TOTAL = "stage_total_ns";

  /** Which groups of metrics a loop measures. */
  public enum Shape {
    /** A latency loop: latencies, no throughput. */
    LATENCY,
    /** A closed loop with a window: throughput and latencies. */
    BANDWIDTH,
    /** Poisson arrivals: throughput, latencies, samples in flight, dropped arrivals. */
    OPEN_LOOP
  }

  /** Built once per shape: every job of a study asks its plan for them. */
  private static final Map<Shape, List<Metric>> BY_SHAPE = new EnumMap<>(Shape.class);

  static {
    for (Shape shape : Shape.values()) {
      BY_SHAPE.put(shape, build(shape));
    }
  }

  private RdmaMetrics() {}

  /**
   * The metric id of a CDF percentile, from its shortest decimal text: 99.9 gives {@code
   * cdf_p99_9_us} (the exact binary value of 99.9 would print 99.900000000000005684...).
   */
  public static String cdfId(double percentile) {
    String text = java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
    return "cdf_p" + text.replace('.', '_') + "_us";
  }

  public static String stageId(String stage) {
    return "stage_" + stage.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT) + "_ns";
  }

  public static String inFlightId(int sample) {
    return String.format(Locale.ROOT, "in_flight_s%02d", sample);
  }

  public static String outstandingWqesId(int sample) {
    return String.format(Locale.ROOT, "outstanding_wqes_s%02d", sample);
  }

  /** The metrics a loop of {@code shape} measures, in the order of {@link #values}. */
  public static List<Metric> of(Shape shape) {
    return BY_SHAPE.get(shape);
  }

  private static List<Metric> build(Shape shape) {
    List<Metric> metrics = new ArrayList<>();
    boolean latencyLoop = shape == Shape.LATENCY;
    String latency = latencyLoop ? "latency" : "completion latency";
    metrics.add(new Metric(T_MIN, "minimum " + latency, "us", false, null));
    metrics.add(new Metric(T_TYPICAL, "typical (median) " + latency, "us", true, null));
    metrics.add(new Metric(T_AVG, "average " + latency, "us", false, null));
    metrics.add(new Metric(T_STDEV, "standard deviation of " + latency, "us", false, null));
    metrics.add(new Metric(T_P99, "99th percentile " + latency, "us", true, null));
    metrics.add(new Metric(T_P999, "99.9th percentile " + latency, "us", false, null));
    metrics.add(new Metric(T_MAX, "maximum " + latency, "us", false, null));
    metrics.add(new Metric(ITERATIONS, "operations measured", "", false, null));
    if (!latencyLoop) {
      metrics.add(new Metric(BW, "bandwidth average", "Gb/s", true, null));
      metrics.add(new Metric(MSG_RATE, "message rate", "Mpps", true, null));
    }
    metrics.add(
        new Metric(INTERRUPT_RATE, "interrupts per second at the clients", "", false, null));
    metrics.add(new Metric(CQES_PER_INTERRUPT, "completions per interrupt", "", false, null));
    metrics.add(
        new Metric(SWITCH_DROPS, "packets the switch dropped (lossless: 0)", "", false, null));
    if (shape == Shape.OPEN_LOOP) {
      metrics.add(new Metric(DROPPED, "arrivals dropped (backlog full)", "", false, null));
    }
    for (double percentile : LatencySamples.CDF_PERCENTILES) {
      metrics.add(Metric.detail(cdfId(percentile), latency + " at percentile " + percentile, "us"));
    }
    for (String stage : StageBreakdown.REQUESTER_STAGES) {
      metrics.add(Metric.detail(stageId(stage), "requester stage " + stage, "ns"));
    }
    metrics.add(Metric.detail(STAGE_TOTAL, "requester post to CQE, total", "ns"));
    if (shape == Shape.OPEN_LOOP) {
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        metrics.add(Metric.detail(inFlightId(i), "requests in flight, sample " + i, ""));
      }
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        metrics.add(
            Metric.detail(
                outstandingWqesId(i), "send WQEs outstanding at the adapters, sample " + i, ""));
      }
      for (AdapterQueues.Queue queue : AdapterQueues.QUEUES) {
        String label = queue.label() + ", all adapters: ";
        metrics.add(
            Metric.detail(AdapterQueues.occupancyId(queue), label + "time-averaged occupancy", ""));
        metrics.add(Metric.detail(AdapterQueues.throughputId(queue), label + "throughput", "M/s"));
        metrics.add(Metric.detail(AdapterQueues.sojournId(queue), label + "mean sojourn", "ns"));
      }
    }
    return List.copyOf(metrics);
  }

  /** The values of {@link #of} for {@code outcome}, in the same order. */
  public static List<Double> values(Shape shape, RunOutcome outcome) {
    List<Double> values = new ArrayList<>();
    LatencySamples latencies = outcome.latencies();
    values.add(us(latencies.percentilePs(0)));
    values.add(us(latencies.percentilePs(50)));
    values.add(us(latencies.meanPs()));
    values.add(us(latencies.standardDeviationPs()));
    values.add(us(latencies.percentilePs(99)));
    values.add(us(latencies.percentilePs(99.9)));
    values.add(us(latencies.percentilePs(100)));
    values.add((double) latencies.count());
    if (shape != Shape.LATENCY) {
      double seconds = outcome.measuredPs() / (double) SimTime.PS_PER_S;
      double operationsPerSecond = seconds > 0 ? outcome.operations() / seconds : Double.NaN;
      values.add(operationsPerSecond * outcome.bytesPerOperation() * 8 / 1e9);
      values.add(operationsPerSecond / 1e6);
    }
    double measuredSeconds = outcome.measuredPs() / (double) SimTime.PS_PER_S;
    values.add(measuredSeconds > 0 ? outcome.interrupts() / measuredSeconds : Double.NaN);
    values.add(
        outcome.interrupts() == 0
            ? Double.NaN
            : outcome.interruptedCqes() / (double) outcome.interrupts());
    values.add((double) outcome.switchDrops());
    if (shape == Shape.OPEN_LOOP) {
      values.add((double) outcome.droppedArrivals());
    }
    for (double percentile : LatencySamples.CDF_PERCENTILES) {
      values.add(us(latencies.percentilePs(percentile)));
    }
    for (double stagePs : outcome.stageMeansPs()) {
      values.add(stagePs / SimTime.PS_PER_NS);
    }
    if (shape == Shape.OPEN_LOOP) {
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        values.add(
            i < outcome.inFlightSamples().size() ? outcome.inFlightSamples().get(i) : Double.NaN);
      }
      List<Double> wqes = outcome.outstandingWqeSamples();
      for (int i = 0; i < OpenLoopRun.IN_FLIGHT_SAMPLES; i++) {
        values.add(i < wqes.size() ? wqes.get(i) : Double.NaN);
      }
      List<Double> queues = outcome.adapterQueues();
      for (int i = 0; i < 3 * AdapterQueues.QUEUES.size(); i++) {
        values.add(i < queues.size() ? queues.get(i) : Double.NaN);
      }
    }
    return values;
  }

  private static double us(double ps) {
    return ps / SimTime.PS_PER_US;
  }
}
