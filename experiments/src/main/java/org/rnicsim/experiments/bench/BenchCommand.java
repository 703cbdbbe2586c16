package org.rnicsim.experiments.bench;

import picocli.CommandLine.Command;

/** {@code rnicsim bench}: performance targets, measured side by side in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure performance targets side by side in one JVM and print ratios.",
      "These are benchmarks, not tests: run them on a quiet machine."
    },
    subcommands = {
      EngineBenchCommand.class,
      ModelBenchCommand.class,
      SweepBenchCommand.class,
      FabricBenchCommand.class
    })
public final class BenchCommand {}
