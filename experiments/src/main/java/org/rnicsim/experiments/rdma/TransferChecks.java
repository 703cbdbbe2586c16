package org.rnicsim.experiments.rdma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rnicsim.experiments.rdma.sim.RdmaOperation;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.profile.AdapterLimits;

/**
 * Checks the settings every RDMA loop shares, against the adapter where that applies: a queue
 * deeper than the adapter's maximum, more QPs than it holds or than a simulation can sensibly set
 * up, a negative or absurd message size.
 */
public final class TransferChecks {
  /** Each size is a case of every operation; more is a typo, not a study. */
  static final int MAX_SIZES = 64;

  /** Larger messages are not an RDMA latency or bandwidth question any more. */
  static final long MAX_SIZE_BYTES = 1L << 30;

  /**
   * QPs one client sets up: each is created and connected through the firmware command queue and
   * keeps its own state, so far more is a typo that would take hours, not a study.
   */
  static final int MAX_QPS_PER_CLIENT = 16_384;

  private TransferChecks() {}

  /** The checked settings, or null after reporting every problem. */
  static Transfers check(
      Problems problems,
      String path,
      List<String> operations,
      List<String> sizes,
      Boolean inline,
      Integer qpDepth,
      Integer cqDepth,
      Integer qps,
      TestbedPlan testbed) {
    int before = problems.count();
    List<RdmaOperation> checkedOperations = operations(problems, path + ".operations", operations);
    List<Long> checkedSizes = sizes(problems, path + ".sizes", sizes);
    problems.require(inline, path + ".inline");
    AdapterLimits limits = testbed == null ? null : testbed.hardware().limits();
    String profile = testbed == null ? "" : testbed.hardware().name();
    if (problems.require(qpDepth, path + ".qpDepth") != null) {
      problems.check(qpDepth >= 1, path + ".qpDepth", "be at least 1", qpDepth);
      if (limits != null && qpDepth >= 1) {
        problems.check(
            qpDepth <= limits.maxQueueDepth(),
            path + ".qpDepth",
            String.format(
                Locale.ROOT,
                "not exceed the adapter's maximum queue depth of %d WQEs"
                    + " (hardware.limits.maxQueueDepth of %s)",
                limits.maxQueueDepth(),
                profile),
            qpDepth);
      }
    }
    if (problems.require(cqDepth, path + ".cqDepth") != null) {
      problems.check(cqDepth >= 1, path + ".cqDepth", "be at least 1", cqDepth);
      if (limits != null && cqDepth >= 1) {
        problems.check(
            cqDepth <= limits.maxCqDepth(),
            path + ".cqDepth",
            String.format(
                Locale.ROOT,
                "not exceed the adapter's maximum CQ depth of %d CQEs"
                    + " (hardware.limits.maxCqDepth of %s)",
                limits.maxCqDepth(),
                profile),
            cqDepth);
      }
    }
    if (problems.require(qps, path + ".qps") != null) {
      problems.check(
          qps >= 1 && qps <= MAX_QPS_PER_CLIENT,
          path + ".qps",
          "be between 1 and " + MAX_QPS_PER_CLIENT + " per client (a simulation's sane bound)",
          qps);
      if (testbed != null && qps >= 1 && qps <= MAX_QPS_PER_CLIENT) {
        long serverQps = (long) qps * testbed.topology().clients();
        problems.check(
            serverQps <= limits.maxQps(),
            path + ".qps",
            String.format(
                Locale.ROOT,
                "leave the server at most its adapter's %d QPs (hardware.limits.maxQps of %s);"
                    + " %d clients x %d QPs is %d",
                limits.maxQps(),
                profile,
                testbed.topology().clients(),
                qps,
                serverQps),
            qps);
      }
    }
    if (problems.count() > before) {
      return null;
    }
    return new Transfers(checkedOperations, checkedSizes, inline, qpDepth, cqDepth, qps);
  }

  /**
   * Checks a window of requests in flight per client: at least one, within the QPs' queues and the
   * CQ, so a full window never overruns either.
   */
  static void checkWindow(Problems problems, String path, Integer window, Transfers transfers) {
    if (problems.require(window, path) == null || transfers == null) {
      return;
    }
    long queues = (long) transfers.qps() * transfers.qpDepth();
    problems.check(
        window >= 1 && window <= queues && window <= transfers.cqDepth(),
        path,
        String.format(
            Locale.ROOT,
            "be between 1 and what the queues hold (qps x qpDepth = %d, cqDepth = %d)",
            queues,
            transfers.cqDepth()),
        window);
  }

  private static List<RdmaOperation> operations(
      Problems problems, String path, List<String> written) {
    List<RdmaOperation> operations = new ArrayList<>();
    if (problems.require(written, path) == null) {
      return operations;
    }
    problems.check(!written.isEmpty(), path, "list at least one of send, write, read", "[]");
    Set<RdmaOperation> seen = new HashSet<>();
    for (int i = 0; i < written.size(); i++) {
      String at = path + "[" + i + "]";
      String text = written.get(i);
      RdmaOperation operation = text == null ? null : RdmaOperation.of(text);
      if (operation == null) {
        problems.report(at, "'" + at + "' must be send, write or read (got '" + text + "')");
        continue;
      }
      problems.check(seen.add(operation), at, "not repeat an earlier operation", text);
      operations.add(operation);
    }
    return operations;
  }

  /**
   * The sizes a study lists, each checked (a size with a unit, 1 B to 1 GiB, none repeated); the
   * dma workload lists its DMA sizes the same way.
   */
  public static List<Long> sizes(Problems problems, String path, List<String> written) {
    List<Long> sizes = new ArrayList<>();
    if (problems.require(written, path) == null) {
      return sizes;
    }
    problems.check(
        !written.isEmpty() && written.size() <= MAX_SIZES,
        path,
        "list between 1 and " + MAX_SIZES + " sizes",
        written.size() + " sizes");
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < written.size(); i++) {
      String at = path + "[" + i + "]";
      Long bytes = problems.bytes(written.get(i), at);
      if (bytes == null) {
        continue;
      }
      problems.check(
          bytes >= 1 && bytes <= MAX_SIZE_BYTES, at, "be between 1B and 1GiB", written.get(i));
      problems.check(seen.add(bytes), at, "not repeat an earlier size", written.get(i));
      sizes.add(bytes);
    }
    return sizes;
  }
}
