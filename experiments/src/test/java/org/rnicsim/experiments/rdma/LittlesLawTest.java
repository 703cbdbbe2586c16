package org.rnicsim.experiments.rdma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.rdma.sim.AdapterQueues;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPlan;

/**
 * Every adapter queue reported in summary.json obeys Little's law on a steady open-loop run: its
 * time-averaged occupancy L equals its throughput lambda times its mean sojourn W, within 1 %. The
 * run sends (so the server consumes receive WQEs, places into its receive buffer and writes CQEs)
 * from several QPs (so QPs wait their turn in the send scheduler) with interrupts (so EQEs go
 * through the event queues), well below the port rate.
 */
class LittlesLawTest {
  @TempDir Path dir;

  @Test
  void everyAdapterQueueObeysLittlesLawOnASteadyOpenLoopRun() throws Exception {
    String text =
        """
        name: littles-law
        run: {replications: 1, warmUp: 200us, duration: 4ms}
        completion: {mode: interrupts}
        workload:
          kind: open-loop
          operations: [send]
          sizes: [16KiB]
          qps: 4
          rate: 600Kops/s
        """;
    Path file = Files.writeString(dir.resolve("littles-law.yaml"), text);
    StudyPlan plan =
        new StudyLoader(WorkloadKinds.all())
            .load(file, "littles-law.yaml", List.of(), StudyLoader.Expansion.ONE_POINT)
            .points()
            .get(0)
            .plan();
    Measurement measurement = plan.workload().measure(plan.run(), 0, 0);
    List<String> ids = plan.workload().metrics().stream().map(Metric::id).toList();

    for (AdapterQueues.Queue queue : AdapterQueues.QUEUES) {
      double occupancy = measurement.values().get(ids.indexOf(AdapterQueues.occupancyId(queue)));
      double perMicrosecond =
          measurement.values().get(ids.indexOf(AdapterQueues.throughputId(queue)));
      double sojournNs = measurement.values().get(ids.indexOf(AdapterQueues.sojournId(queue)));
      String what =
          queue.id()
              + ": L "
              + occupancy
              + ", lambda "
              + perMicrosecond
              + " M/s, W "
              + sojournNs
              + " ns";
      assertTrue(perMicrosecond > 0.05, "the run must load every queue: " + what);
      assertTrue(occupancy > 0 && sojournNs > 0, what);
      double littlesL = perMicrosecond * 1e6 * sojournNs * 1e-9;
      assertEquals(occupancy, littlesL, 0.01 * occupancy, what);
    }
  }
}
