package org.rnicsim.experiments.dma;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  static final int MAX_SIZES = 64;
  static final long MAX_SIZE_BYTES = 1L << 20;
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
    List<Long> checkedSizes = sizes(problems, path + ".sizes");
    checkCount(problems, path + ".window", window, 1, MAX_WINDOW);
    checkCount(problems, path + ".iterations", iterations, 1, MAX_ITERATIONS);
    checkCount(problems, path + ".warmUpIterations", warmUpIterations, 0, MAX_ITERATIONS);
    if (problems.count() > before || testbed == null) {
      return null;
    }
    return new DmaPlan(
        testbed.hardware(), checkedDirection, checkedSizes, window, iterations, warmUpIterations);
  }

  private List<Long> sizes(Problems problems, String path) {
    List<Long> checked = new ArrayList<>();
    if (problems.require(sizes, path) == null) {
      return checked;
    }
    problems.check(
        !sizes.isEmpty() && sizes.size() <= MAX_SIZES,
        path,
        "list between 1 and " + MAX_SIZES + " sizes",
        sizes.size() + " sizes");
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < sizes.size(); i++) {
      String at = path + "[" + i + "]";
      Long bytes = problems.bytes(sizes.get(i), at);
      if (bytes == null) {
        continue;
      }
      problems.check(
          bytes >= 1 && bytes <= MAX_SIZE_BYTES, at, "be between 1B and 1MiB", sizes.get(i));
      problems.check(seen.add(bytes), at, "not repeat an earlier size", sizes.get(i));
      checked.add(bytes);
    }
    return checked;
  }

  private static void checkCount(Problems problems, String path, Integer value, int min, int max) {
    if (problems.require(value, path) != null) {
      problems.check(
          value >= min && value <= max, path, "be between " + min + " and " + max, value);
    }
  }
}
