package org.rnicsim.experiments.flows;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * The fabric's speed: one job of a {@code flows} study simulated on the calling thread, timed from
 * the first arrival to the last flow ended (neither the QP pools' setup nor the idle FCTs of the
 * slowdowns). Packet-hops are the links' own delivery counters.
 */
public final class FabricBench {
  private FabricBench() {}

  /**
   * @param packetHops packets delivered over a link, summed over links
   * @param events simulator events of the traffic (after the QP pools' setup)
   * @param wallNanos wall time of the traffic
   * @param cpuNanos CPU time of the calling thread meanwhile: the wall time of one quiet core
   * @param flows flows that arrived
   * @param description the workload, for people
   */
  public record Result(
      long packetHops, long events, long wallNanos, long cpuNanos, int flows, String description) {
    public double packetHopsPerWallSecond() {
      return packetHops / (wallNanos / 1e9);
    }

    public double packetHopsPerCpuSecond() {
      return packetHops / (cpuNanos / 1e9);
    }

    public double eventsPerPacketHop() {
      return (double) events / Math.max(1, packetHops);
    }
  }

  /** Runs the first case, replication {@code replication}, of {@code study}'s flows workload. */
  public static Result run(StudyPlan study, int replication) {
    WorkloadPlan workload = study.workload();
    if (!(workload instanceof FlowsPlan plan)) {
      throw new IllegalArgumentException("the fabric benchmark runs a flows study");
    }
    FlowRun run = plan.prepareJob(study.run(), 0, replication);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startCpu = threads.getCurrentThreadCpuTime();
    long startNanos = System.nanoTime();
    run.runTraffic();
    long wallNanos = System.nanoTime() - startNanos;
    long cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;
    return new Result(
        run.probe.packetHops(),
        run.eventsExecuted() - run.setupEvents,
        wallNanos,
        cpuNanos,
        run.flows.size(),
        plan.describe());
  }
}
