package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.QueueSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * The queues inside every adapter of a job, each summed over the adapters: time-averaged occupancy
 * (items), throughput (items leaving per second) and mean sojourn, so Little's law (L = lambda x W)
 * can be checked on each. Summing keeps the law: the occupancies and throughputs add, and the
 * sojourn is the mean over every item that left any of the adapters.
 */
public final class AdapterQueues {
  /** Metric id stem and the adapter's queue statistic, {@code <adapter><suffix>}. */
  public record Queue(String id, String label, String suffix) {}

  /** In the order an operation meets them, requester first. */
  public static final List<Queue> QUEUES =
      List.of(
          new Queue("doorbells", "doorbell unit", ".doorbellUnit"),
          new Queue("send_scheduler", "send scheduler ring (QPs)", ".sendScheduler"),
          new Queue("send_pipeline", "send pipeline", ".sendPipeline"),
          new Queue("dma_engines", "DMA engines", ".dma"),
          new Queue("receive_pipeline", "receive pipeline", ".receivePipeline"),
          new Queue("rx_buffer", "receive buffer (packets)", ".rxBuffer"),
          new Queue("cqe_writer", "CQE writer", ".cqeWriter"),
          new Queue("event_queues", "event queues (EQEs)", ".eventQueues"));

  private AdapterQueues() {}

  public static String occupancyId(Queue queue) {
    return "queue_" + queue.id() + "_occupancy";
  }

  public static String throughputId(Queue queue) {
    return "queue_" + queue.id() + "_throughput_mps";
  }

  public static String sojournId(Queue queue) {
    return "queue_" + queue.id() + "_sojourn_ns";
  }

  /**
   * For each queue of {@link #QUEUES}, in order: occupancy, throughput in millions per second and
   * mean sojourn in ns, summed over {@code adapters} since the statistics were last reset.
   */
  public static List<Double> measure(StatisticsRegistry stats, List<String> adapters) {
    List<Double> values = new ArrayList<>();
    for (Queue queue : QUEUES) {
      double occupancy = 0;
      double perSecond = 0;
      double sojournSumPs = 0;
      long departures = 0;
      for (String adapter : adapters) {
        QueueSummary summary = stats.queue(adapter + queue.suffix()).summarize();
        occupancy += summary.timeAverageOccupancy();
        perSecond += summary.departuresPerSecond();
        if (summary.departures() > 0) {
          sojournSumPs += summary.meanSojournPs() * summary.departures();
          departures += summary.departures();
        }
      }
      values.add(occupancy);
      values.add(perSecond / 1e6);
      values.add(departures == 0 ? Double.NaN : sojournSumPs / departures / SimTime.PS_PER_NS);
    }
    return values;
  }
}
