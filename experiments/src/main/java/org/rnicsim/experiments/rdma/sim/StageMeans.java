package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.observe.StageBreakdown;

/**
 * The mean of each requester stage ({@code <client>.latency.<op>.<stage>Ps}) over every client,
 * weighted by how many requests each recorded: where the time of one operation goes, from the post
 * to the CQE in the requester's memory.
 */
final class StageMeans {
  private StageMeans() {}

  static List<Double> of(StatisticsRegistry stats, List<String> clients, WorkOpcode opcode) {
    List<Double> means = new ArrayList<>();
    String op = StageBreakdown.shortName(opcode);
    for (String stage : StageBreakdown.REQUESTER_STAGES) {
      means.add(combined(stats, clients, op, stage));
    }
    means.add(combined(stats, clients, op, "total"));
    return means;
  }

  private static double combined(
      StatisticsRegistry stats, List<String> clients, String op, String stage) {
    double sum = 0;
    long count = 0;
    for (String client : clients) {
      // Only the mean is wanted: a full summary would walk the buckets for percentiles.
      LatencyHistogram histogram = stats.histogram(client + ".latency." + op + "." + stage + "Ps");
      if (histogram.count() > 0) {
        sum += histogram.meanPs() * histogram.count();
        count += histogram.count();
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
