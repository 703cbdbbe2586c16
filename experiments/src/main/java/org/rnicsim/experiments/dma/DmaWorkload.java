package org.rnicsim.experiments.dma;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.rnicsim.experiments.rdma.TransferChecks;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TestbedWorkload;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * {@code kind: dma} as written: pcie-bench's bandwidth and latency benchmarks on one adapter. The
 * adapter's DMA engines keep {@code window} DMAs of one size in flight in each direction named.
 *
 * @param direction read, write or read-write (both loops at once, each reported)
 * @param sizes DMA sizes with units; one case each
 * @param window DMAs in flight per direction
 * @param iterations measured DMAs per direction and case
 * @param warmUpIterations DMAs per direction before measuring
 */
public record DmaWorkload(
    @JsonPropertyDescription("read | write | read-write (both at once, each direction reported)")
        String direction,
    @JsonPropertyDescription("DMA sizes with units: [64B, 256B, 2KiB]; one case each")
        List<String> sizes,
    @JsonPropertyDescription("DMAs in flight per direction (1 = unloaded latency)") Integer window,
    @JsonPropertyDescription("measured DMAs per direction and size") Integer iterations,
    @JsonPropertyDescription("DMAs per direction before measuring") Integer warmUpIterations)
    implements TestbedWorkload {

  static final long MAX_BYTES_PER_CASE = 64L << 30;
  static final int MAX_WINDOW = 4096;
  static final int MAX_ITERATIONS = 5_000_000;

  @Override
  public WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    int before = problems.count();
    DmaDirection checkedDirection = null;
    if (problems.require(direction, path + ".direction") != null) {
      checkedDirection = DmaDirection.fromFileName(direction);
      problems.check(
          checkedDirection != null,
          path + ".direction",
          "be one of " + String.join(", ", DmaDirection.fileNames()),
          direction);
    }
    List<Long> checkedSizes = TransferChecks.sizes(problems, path + ".sizes", sizes);
    checkCount(problems, path + ".window", window, 1, MAX_WINDOW);
    checkCount(problems, path + ".iterations", iterations, 1, MAX_ITERATIONS);
    checkCount(problems, path + ".warmUpIterations", warmUpIterations, 0, MAX_ITERATIONS);
    checkVolume(problems, path + ".iterations", checkedSizes);
    if (problems.count() > before || testbed == null) {
      return null;
    }
    return new DmaPlan(
        testbed.hardware(), checkedDirection, checkedSizes, window, iterations, warmUpIterations);
  }

  /** Payload one case may move: as the RDMA loops (64 GiB), a typo beyond, not a study. */
  private void checkVolume(Problems problems, String path, List<Long> checkedSizes) {
    if (iterations == null || warmUpIterations == null || checkedSizes.isEmpty()) {
      return;
    }
    long largest = checkedSizes.stream().mapToLong(Long::longValue).max().orElse(0);
    double bytes = (double) largest * ((long) iterations + warmUpIterations);
    problems.check(
        bytes <= MAX_BYTES_PER_CASE,
        path,
        "keep each case under 64GiB at the largest size (fewer iterations or smaller sizes)",
        String.format(java.util.Locale.ROOT, "%.0f GiB", bytes / (1L << 30)));
  }

  private static void checkCount(Problems problems, String path, Integer value, int min, int max) {
    if (problems.require(value, path) != null) {
      problems.check(
          value >= min && value <= max, path, "be between " + min + " and " + max, value);
    }
  }
}
