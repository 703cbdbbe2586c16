package org.rnicsim.experiments.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.ClosedLoopWriter;

/**
 * The model's performance targets (issue 3): the full path of 64 B signalled RDMA WRITEs in a
 * closed loop on one QP with 16 outstanding, in simulated operations per wall second on one core;
 * and the heap one idle QP costs. Wall time is read only here, around the runs, never inside the
 * model.
 */
final class ModelBenchmark {
  /** Issue 3: at least a million simulated operations per wall second on one core. */
  static final double TARGET_OPERATIONS_PER_SECOND = 1_000_000;

  /** Issue 3: a million idle QPs in under 2 GB of heap. */
  static final double TARGET_BYTES_PER_IDLE_QP = 2e9 / 1_000_000;

  record Settings(
      long messageBytes, int window, long warmupOperations, long operations, int rounds) {}

  /**
   * One measured round of the closed loop; {@code cpuSeconds} is this thread's CPU time, NaN where
   * the JVM cannot tell.
   */
  record Round(
      long operations,
      long events,
      double wallSeconds,
      double cpuSeconds,
      double simulatedSeconds,
      double allocatedBytes) {
    double operationsPerWallSecond() {
      return operations / wallSeconds;
    }

    double operationsPerCpuSecond() {
      return operations / cpuSeconds;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * The benchmark thread's CPU time in seconds (NaN if unsupported). On a shared machine wall time
   * also counts the time other processes held the core; the thread's CPU time does not, so the two
   * side by side tell the model's speed from the machine's load.
   */
  private static double threadCpuSeconds() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime() / 1e9
        : Double.NaN;
  }

  /**
   * Heap bytes this thread has allocated so far (NaN if the JVM cannot tell). Per WRITE it does not
   * depend on the machine's load, so it compares two builds where rates on a shared machine cannot;
   * what the loop allocates is what the collector later pauses the loop for.
   */
  private static double threadAllocatedBytes() {
    return THREADS instanceof com.sun.management.ThreadMXBean counting
            && counting.isThreadAllocatedMemorySupported()
            && counting.isThreadAllocatedMemoryEnabled()
        ? counting.getCurrentThreadAllocatedBytes()
        : Double.NaN;
  }

  /** The closed-loop figures: median round and its details. */
  record WriteLoopResult(
      double operationsPerWallSecond,
      double operationsPerCpuSecond,
      double eventsPerOperation,
      double simulatedOperationsPerSimulatedSecond,
      double meanWriteLatencyNs,
      double heapBytesPerOperation,
      java.util.List<Round> rounds) {}

  /** The idle-QP figure. */
  record IdleQpResult(long qps, long heapBytesBefore, long heapBytesAfter, double wallSeconds) {
    double bytesPerQp() {
      return (heapBytesAfter - heapBytesBefore) / (double) qps;
    }
  }

  WriteLoopResult runWriteLoop(
      HardwareProfile profile, Settings settings, Consumer<String> progress) {
    BackToBackTestbed testbed = new BackToBackTestbed(profile, 1);
    BackToBackTestbed.ConnectedPair pair =
        testbed.connectPair(Math.max(64, 2 * settings.window()), 4 * settings.window());
    ClosedLoopWriter writer =
        new ClosedLoopWriter(testbed, pair, settings.messageBytes(), settings.window(), false);
    progress.accept("warm-up: " + settings.warmupOperations() + " WRITEs");
    writer.run(settings.warmupOperations());
    testbed.stats().resetAll();
    java.util.List<Round> rounds = new java.util.ArrayList<>();
    for (int i = 0; i < settings.rounds(); i++) {
      long startPs = testbed.simulator().nowPs();
      double bytesStart = threadAllocatedBytes();
      double cpuStart = threadCpuSeconds();
      long wallStart = System.nanoTime();
      long events = writer.run(settings.operations());
      double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      double cpuSeconds = threadCpuSeconds() - cpuStart;
      double simulatedSeconds = (testbed.simulator().nowPs() - startPs) / 1e12;
      double allocatedBytes = threadAllocatedBytes() - bytesStart;
      Round round =
          new Round(
              settings.operations(),
              events,
              wallSeconds,
              cpuSeconds,
              simulatedSeconds,
              allocatedBytes);
      rounds.add(round);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "round %d: %,.0f WRITEs per wall second, %.2f events each",
              i + 1,
              round.operationsPerWallSecond(),
              events / (double) settings.operations()));
    }
    Round median =
        rounds.stream()
            .sorted(java.util.Comparator.comparingDouble(Round::operationsPerWallSecond))
            .toList()
            .get(rounds.size() / 2);
    double meanLatencyNs =
        testbed.stats().summarize().histogram("nic0.latency.write.totalPs").meanPs() / 1000;
    return new WriteLoopResult(
        median.operationsPerWallSecond(),
        NdkLoopResult.median(rounds.stream().map(Round::operationsPerCpuSecond).toList()),
        median.events() / (double) median.operations(),
        median.operations() / median.simulatedSeconds(),
        meanLatencyNs,
        NdkLoopResult.median(
            rounds.stream().map(r -> r.allocatedBytes() / r.operations()).toList()),
        rounds);
  }

  /** Issue 4: the lifetime verifier adds at most 25 % to the wall time of the NDK write loop. */
  static final double TARGET_VERIFIER_OVERHEAD = 0.25;

  /**
   * The same closed loop through the NDK provider, without and with the lifetime verifier, rounds
   * interleaved so machine noise hits both alike.
   *
   * @param direct operations per wall second without the verifier, per round
   * @param verified operations per wall second with it, per round
   * @param directCpu operations per CPU second of the benchmark thread without the verifier
   * @param verifiedCpu the same with it
   * @param directBytes heap bytes the benchmark thread allocated per operation without the verifier
   * @param verifiedBytes the same with it
   */
  record NdkLoopResult(
      List<Double> direct,
      List<Double> verified,
      List<Double> directCpu,
      List<Double> verifiedCpu,
      List<Double> directBytes,
      List<Double> verifiedBytes,
      double eventsPerOperation,
      long violations) {
    double medianDirect() {
      return median(direct);
    }

    double medianVerified() {
      return median(verified);
    }

    /** Extra wall time per operation the verifier costs, as a fraction (0.25 = 25 %). */
    double overhead() {
      return medianDirect() / medianVerified() - 1;
    }

    /** The same overhead in the thread's CPU time, which other processes do not inflate. */
    double cpuOverhead() {
      return median(directCpu) / median(verifiedCpu) - 1;
    }

    static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  NdkLoopResult runNdkLoops(HardwareProfile profile, Settings settings, Consumer<String> progress) {
    NdkWriteLoop direct =
        new NdkWriteLoop(profile, settings.messageBytes(), settings.window(), false);
    NdkWriteLoop verified =
        new NdkWriteLoop(profile, settings.messageBytes(), settings.window(), true);
    progress.accept("NDK warm-up: " + settings.warmupOperations() + " WRITEs, each way");
    direct.run(settings.warmupOperations());
    verified.run(settings.warmupOperations());
    List<Double> directRates = new ArrayList<>();
    List<Double> verifiedRates = new ArrayList<>();
    List<Double> directCpuRates = new ArrayList<>();
    List<Double> verifiedCpuRates = new ArrayList<>();
    List<Double> directBytes = new ArrayList<>();
    List<Double> verifiedBytes = new ArrayList<>();
    long events = 0;
    for (int i = 0; i < settings.rounds(); i++) {
      double bytesStart = threadAllocatedBytes();
      double cpuStart = threadCpuSeconds();
      long start = System.nanoTime();
      events = direct.run(settings.operations());
      directRates.add(settings.operations() / ((System.nanoTime() - start) / 1e9));
      directCpuRates.add(settings.operations() / (threadCpuSeconds() - cpuStart));
      directBytes.add((threadAllocatedBytes() - bytesStart) / settings.operations());
      bytesStart = threadAllocatedBytes();
      cpuStart = threadCpuSeconds();
      start = System.nanoTime();
      verified.run(settings.operations());
      verifiedRates.add(settings.operations() / ((System.nanoTime() - start) / 1e9));
      verifiedCpuRates.add(settings.operations() / (threadCpuSeconds() - cpuStart));
      verifiedBytes.add((threadAllocatedBytes() - bytesStart) / settings.operations());
      progress.accept(
          String.format(
              Locale.ROOT,
              "NDK round %d: %,.0f WRITEs per wall second direct, %,.0f under the verifier",
              i + 1,
              directRates.get(i),
              verifiedRates.get(i)));
    }
    if (direct.failures() + verified.failures() > 0) {
      throw new IllegalStateException("NDK write loop: some WRITEs failed");
    }
    return new NdkLoopResult(
        directRates,
        verifiedRates,
        directCpuRates,
        verifiedCpuRates,
        directBytes,
        verifiedBytes,
        events / (double) settings.operations(),
        verified.violations());
  }

  IdleQpResult createIdleQps(HardwareProfile profile, long qps, Consumer<String> progress) {
    RnicSimulator simulator = new RnicSimulator("idle QPs");
    StatisticsRegistry stats = new StatisticsRegistry(simulator);
    Rnic nic =
        new Rnic(
            simulator,
            "nic0",
            1,
            profile,
            new org.rnicsim.model.adapter.control.FixedLatencyControlPath(simulator, 1_000_000),
            stats);
    CompletionQueue[] cq = new CompletionQueue[1];
    nic.createCq(1024, null, created -> cq[0] = created);
    simulator.runToEnd();
    long before = usedHeapAfterGc();
    long wallStart = System.nanoTime();
    long[] created = {0};
    Consumer<QueuePair> onCreated = qp -> created[0]++;
    long batch = 10_000;
    for (long done = 0; done < qps; done += batch) {
      long count = Math.min(batch, qps - done);
      for (long i = 0; i < count; i++) {
        nic.createQp(cq[0], cq[0], 128, 128, onCreated);
      }
      simulator.runToEnd();
      if ((done + count) % 200_000 == 0) {
        progress.accept("created " + (done + count) + " idle QPs");
      }
    }
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    long after = usedHeapAfterGc();
    if (created[0] != qps || nic.qpCount() != qps) {
      throw new IllegalStateException("created " + created[0] + " of " + qps + " QPs");
    }
    // Keep the adapter reachable until the heap was measured.
    java.lang.ref.Reference.reachabilityFence(nic);
    return new IdleQpResult(qps, before, after, wallSeconds);
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
