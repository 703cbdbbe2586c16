package org.rnicsim.experiments.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.model.profile.HardwareProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code rnicsim bench model}: the hardware model's speed and memory targets. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "Full-path closed loop of signalled RDMA WRITEs on one QP (64 B, 16 outstanding) between two"
          + " back-to-back adapters: simulated operations per wall second (target >= 1,000,000 on"
          + " one core) and events per operation.",
      "Then the same loop through the NDK provider (NdkWrite, GetCqResults busy-polled), without"
          + " and with the lifetime verifier, rounds interleaved: the verifier's overhead in wall"
          + " time per WRITE (target <= 25 %%).",
      "With --qps N, also creates N idle QPs on one adapter and prints heap bytes per QP"
          + " (target: 1,000,000 idle QPs in under 2 GB)."
    })
public final class ModelBenchCommand implements Callable<Integer> {
  static final String DEFAULT_PROFILE = "configs/profiles/connectx4-edr-gen3x16.yaml";

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "Hardware profile (default: ${DEFAULT-VALUE}).")
  Path profile = Path.of(DEFAULT_PROFILE);

  @Option(
      names = "--operations",
      paramLabel = "COUNT",
      description = "WRITEs per measured round (default: ${DEFAULT-VALUE}).")
  long operations = 2_000_000;

  @Option(
      names = "--warmup",
      paramLabel = "COUNT",
      description = "Unmeasured warm-up WRITEs (default: ${DEFAULT-VALUE}).")
  long warmup = 1_000_000;

  @Option(
      names = "--rounds",
      paramLabel = "COUNT",
      description = "Measured rounds; the median is reported (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(
      names = "--bytes",
      paramLabel = "BYTES",
      description = "WRITE size (default: ${DEFAULT-VALUE}).")
  long bytes = 64;

  @Option(
      names = "--window",
      paramLabel = "COUNT",
      description = "WRITEs outstanding (default: ${DEFAULT-VALUE}).")
  int window = 16;

  @Option(
      names = "--ndk-operations",
      paramLabel = "COUNT",
      description =
          "WRITEs per measured round of the NDK loops, and as many for their warm-up; 0 skips"
              + " them (default: ${DEFAULT-VALUE}).")
  // Rounds of half a second or so on a quiet core: the loop allocates about 400 heap bytes per
  // WRITE, so a young collection comes every few hundred thousand WRITEs, and a round much shorter
  // than that either holds one pause or none (the spread of 200,000-WRITE rounds).
  long ndkOperations = 500_000;

  @Option(
      names = "--qps",
      paramLabel = "N",
      description = "Also create N idle QPs and measure heap bytes per QP (default: none).")
  long idleQps;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> outOfRange = outOfRange();
    if (outOfRange.isPresent()) {
      err.println("bench model: " + outOfRange.get());
      return 2;
    }
    if (!Files.isRegularFile(profile)) {
      err.println(
          "bench model: no profile file "
              + profile
              + " (run from the checkout's root or pass --profile FILE)");
      return 2;
    }
    HardwareProfile hardware;
    try {
      hardware = ProfileCatalog.loadFile(profile);
    } catch (StudyRejectedException e) {
      e.problems().forEach(problem -> err.println("bench model: " + problem.render()));
      return 2;
    }
    ModelBenchmark benchmark = new ModelBenchmark();
    java.util.function.Consumer<String> progress =
        line -> {
          err.println("bench model: " + line);
          err.flush();
        };
    ModelBenchmark.WriteLoopResult loop =
        benchmark.runWriteLoop(
            hardware,
            new ModelBenchmark.Settings(bytes, window, warmup, operations, rounds),
            progress);
    ModelBenchmark.NdkLoopResult ndk =
        ndkOperations > 0
            ? benchmark.runNdkLoops(
                hardware,
                new ModelBenchmark.Settings(bytes, window, ndkOperations, ndkOperations, rounds),
                progress)
            : null;
    ModelBenchmark.IdleQpResult idle =
        idleQps > 0 ? benchmark.createIdleQps(hardware, idleQps, progress) : null;
    if (json) {
      out.println(toJson(hardware, loop, ndk, idle));
    } else {
      printTable(out, hardware, loop, idle);
      if (ndk != null) {
        printNdk(out, ndk);
      }
    }
    out.flush();
    return 0;
  }

  /** The first option below its least value, as a message naming it. */
  private Optional<String> outOfRange() {
    return Stream.of(
            atLeast("--operations", operations, 1),
            atLeast("--warmup", warmup, 0),
            atLeast("--rounds", rounds, 1),
            atLeast("--bytes", bytes, 1),
            atLeast("--window", window, 1),
            atLeast("--ndk-operations", ndkOperations, 0),
            atLeast("--qps", idleQps, 0))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> atLeast(String option, long value, long least) {
    return value >= least
        ? Optional.empty()
        : Optional.of(option + " must be at least " + least + " (got " + value + ")");
  }

  private void printTable(
      PrintWriter out,
      HardwareProfile hardware,
      ModelBenchmark.WriteLoopResult loop,
      ModelBenchmark.IdleQpResult idle) {
    out.printf(
        Locale.ROOT,
        "Closed loop, %d B signalled RDMA WRITEs, 1 QP, window %d, profile %s%n",
        bytes,
        window,
        hardware.name());
    out.printf(
        Locale.ROOT,
        "  simulated operations per wall second (median of %d): %,.0f (target >= %,.0f: %s)%n",
        rounds,
        loop.operationsPerWallSecond(),
        ModelBenchmark.TARGET_OPERATIONS_PER_SECOND,
        loop.operationsPerWallSecond() >= ModelBenchmark.TARGET_OPERATIONS_PER_SECOND
            ? "met"
            : "NOT met");
    out.printf(
        Locale.ROOT,
        "  per CPU second of the benchmark thread (what load from other processes does not"
            + " lower): %,.0f%n",
        loop.operationsPerCpuSecond());
    out.printf(
        Locale.ROOT,
        "  events per operation: %.2f; heap bytes allocated per operation: %.0f%n",
        loop.eventsPerOperation(),
        loop.heapBytesPerOperation());
    out.printf(
        Locale.ROOT,
        "  simulated WRITE rate: %,.0f per simulated second; mean post-to-CQE %.1f ns%n",
        loop.simulatedOperationsPerSimulatedSecond(),
        loop.meanWriteLatencyNs());
    if (idle != null) {
      out.printf(
          Locale.ROOT,
          "Idle QPs: %,d created in %.1f s wall, %,.0f heap bytes per QP, %,.0f MB in all"
              + " (target < %,.0f bytes per QP: %s)%n",
          idle.qps(),
          idle.wallSeconds(),
          idle.bytesPerQp(),
          (idle.heapBytesAfter() - idle.heapBytesBefore()) / 1e6,
          ModelBenchmark.TARGET_BYTES_PER_IDLE_QP,
          idle.bytesPerQp() < ModelBenchmark.TARGET_BYTES_PER_IDLE_QP ? "met" : "NOT met");
    }
  }

  private void printNdk(PrintWriter out, ModelBenchmark.NdkLoopResult ndk) {
    out.printf(
        Locale.ROOT,
        "The same loop through the NDK provider (NdkWrite, GetCqResults busy-polled), median of %d"
            + " interleaved rounds:%n",
        rounds);
    out.printf(
        Locale.ROOT,
        "  without the lifetime verifier: %,.0f WRITEs per wall second (%,.0f per CPU second),"
            + " %.2f events and %.0f heap bytes each%n",
        ndk.medianDirect(),
        ModelBenchmark.NdkLoopResult.median(ndk.directCpu()),
        ndk.eventsPerOperation(),
        ModelBenchmark.NdkLoopResult.median(ndk.directBytes()));
    out.printf(
        Locale.ROOT,
        "  with the lifetime verifier:    %,.0f WRITEs per wall second (%,.0f per CPU second),"
            + " %.0f heap bytes each, %d violations%n",
        ndk.medianVerified(),
        ModelBenchmark.NdkLoopResult.median(ndk.verifiedCpu()),
        ModelBenchmark.NdkLoopResult.median(ndk.verifiedBytes()),
        ndk.violations());
    out.printf(
        Locale.ROOT,
        "  verifier overhead: %+.1f %% wall time per WRITE (target <= %.0f %%: %s); %+.1f %% CPU"
            + " time%n",
        100 * ndk.overhead(),
        100 * ModelBenchmark.TARGET_VERIFIER_OVERHEAD,
        ndk.overhead() <= ModelBenchmark.TARGET_VERIFIER_OVERHEAD ? "met" : "NOT met",
        100 * ndk.cpuOverhead());
  }

  private String toJson(
      HardwareProfile hardware,
      ModelBenchmark.WriteLoopResult loop,
      ModelBenchmark.NdkLoopResult ndk,
      ModelBenchmark.IdleQpResult idle) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "model");
    root.put("profile", hardware.name());
    root.put("messageBytes", bytes);
    root.put("window", window);
    root.put("qps", 1);
    root.put("warmupOperations", warmup);
    root.put("operationsPerRound", operations);
    root.put("rounds", rounds);
    root.put("operationsPerWallSecond", Math.round(loop.operationsPerWallSecond()));
    root.put("operationsPerCpuSecond", roundOrNull(loop.operationsPerCpuSecond()));
    root.put("eventsPerOperation", Math.round(loop.eventsPerOperation() * 100) / 100.0);
    root.put("heapBytesPerOperation", roundOrNull(loop.heapBytesPerOperation()));
    root.put(
        "simulatedOperationsPerSimulatedSecond",
        Math.round(loop.simulatedOperationsPerSimulatedSecond()));
    root.put("meanWriteLatencyNs", Math.round(loop.meanWriteLatencyNs() * 10) / 10.0);
    root.put(
        "roundOperationsPerWallSecond",
        loop.rounds().stream().map(r -> Math.round(r.operationsPerWallSecond())).toList());
    root.put("targetOperationsPerWallSecond", ModelBenchmark.TARGET_OPERATIONS_PER_SECOND);
    root.put(
        "operationsTargetMet",
        loop.operationsPerWallSecond() >= ModelBenchmark.TARGET_OPERATIONS_PER_SECOND);
    if (ndk != null) {
      root.put("ndkOperationsPerRound", ndkOperations);
      root.put("ndkOperationsPerWallSecond", Math.round(ndk.medianDirect()));
      root.put("ndkVerifiedOperationsPerWallSecond", Math.round(ndk.medianVerified()));
      root.put(
          "ndkOperationsPerCpuSecond",
          roundOrNull(ModelBenchmark.NdkLoopResult.median(ndk.directCpu())));
      root.put(
          "ndkVerifiedOperationsPerCpuSecond",
          roundOrNull(ModelBenchmark.NdkLoopResult.median(ndk.verifiedCpu())));
      root.put("ndkEventsPerOperation", Math.round(ndk.eventsPerOperation() * 100) / 100.0);
      root.put(
          "ndkHeapBytesPerOperation",
          roundOrNull(ModelBenchmark.NdkLoopResult.median(ndk.directBytes())));
      root.put(
          "ndkVerifiedHeapBytesPerOperation",
          roundOrNull(ModelBenchmark.NdkLoopResult.median(ndk.verifiedBytes())));
      root.put("verifierViolations", ndk.violations());
      root.put("verifierOverhead", Math.round(ndk.overhead() * 1000) / 1000.0);
      root.put("verifierCpuOverhead", Math.round(ndk.cpuOverhead() * 1000) / 1000.0);
      root.put("targetVerifierOverhead", ModelBenchmark.TARGET_VERIFIER_OVERHEAD);
      root.put(
          "verifierOverheadTargetMet", ndk.overhead() <= ModelBenchmark.TARGET_VERIFIER_OVERHEAD);
    }
    if (idle != null) {
      root.put("idleQps", idle.qps());
      root.put("idleQpHeapBytes", idle.heapBytesAfter() - idle.heapBytesBefore());
      root.put("heapBytesPerIdleQp", Math.round(idle.bytesPerQp()));
      root.put("idleQpCreationWallSeconds", Math.round(idle.wallSeconds() * 100) / 100.0);
      root.put("targetHeapBytesPerIdleQp", ModelBenchmark.TARGET_BYTES_PER_IDLE_QP);
      root.put("idleQpTargetMet", idle.bytesPerQp() < ModelBenchmark.TARGET_BYTES_PER_IDLE_QP);
    }
    ObjectMapper mapper = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
    return mapper.writeValueAsString(root);
  }

  /** A rate rounded for JSON, or null where the JVM could not measure CPU time. */
  private static Long roundOrNull(double rate) {
    return Double.isFinite(rate) ? Math.round(rate) : null;
  }
}
