package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration Q1 against the published FaSST / rdma_bench swarm sweeps (32 B READs, 16 in flight
 * per thread, a random QP per request; docs/calibration-qp-scaling.md lists the sources). The
 * profiles were tuned to the 11-machine sweep and are only validated against the 6-machine sweep,
 * whose QP counts fall between. Figures are READ rates relative to the first 11-machine point,
 * since the simulated adapters are not the measured machines; shapes are checked on
 * configs/qp-scaling.yaml. The published counts are the QPs an adapter creates; the model runs the
 * QPs it uses, (machines - 1) / machines of them, since a swarm thread never uses its QP to its own
 * machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class QpScalingCalibrationTest {
  /** ConnectX-3 (Apt cluster), 8 threads x 16 READs: Mops per machine at QPs per adapter. */
  private static final Map<Integer, Double> CX3_TUNED =
      Map.of(
          88, 7.67, 176, 2.19, 264, 1.72, 352, 1.37, 440, 1.35, 528, 1.27, 616, 1.13, 704, 1.17,
          792, 1.13);

  private static final Map<Integer, Double> CX3_HELD_OUT =
      Map.of(144, 3.10, 240, 1.89, 336, 1.57, 432, 1.40, 528, 1.30, 624, 1.23, 720, 1.20);

  /** Connect-IB (NetApp cluster), 14 threads x 16 READs. */
  private static final Map<Integer, Double> CIB_TUNED =
      Map.of(
          154, 41.54, 308, 36.37, 462, 34.15, 616, 32.98, 770, 32.10, 924, 31.59, 1078, 31.14, 1232,
          30.57, 1386, 29.45);

  private static final Map<Integer, Double> CIB_HELD_OUT =
      Map.of(
          84, 47.96, 252, 38.98, 420, 35.44, 588, 33.84, 756, 32.73, 924, 32.30, 1092, 31.56, 1260,
          31.03);

  /** Machines in the sweep the profiles were tuned to, and in the held-out one. */
  private static final int TUNED_MACHINES = 11;

  private static final int HELD_OUT_MACHINES = 6;

  /** Tolerances on the relative READ rate (docs/calibration-qp-scaling.md says why). */
  private static final double TUNED_MEAN = 0.05;

  private static final double TUNED_WORST = 0.10;
  private static final double HELD_OUT_MEAN = 0.05;
  private static final double HELD_OUT_WORST = 0.15;

  private Path dir;
  private ResultsCsv connectX3;
  private ResultsCsv connectIb;
  private ResultsCsv shipped;

  @BeforeAll
  void runTheSweeps(@TempDir Path folder) throws Exception {
    dir = folder;
    connectX3 = sweep("connectx3-class", 128, CX3_TUNED, CX3_HELD_OUT);
    connectIb = sweep("connect-ib-class", 224, CIB_TUNED, CIB_HELD_OUT);
    CommandLineRun run =
        CommandLineRun.of(
            "sweep", "../configs/qp-scaling.yaml", "--quiet", "--out", dir.resolve("shipped") + "");
    assertEquals(0, run.exitCode(), run.err());
    shipped = ResultsCsv.read(dir.resolve("shipped/results.csv"));
  }

  @Test
  void connectX3Class_tunedPointsMatchTheElevenMachineSweep() {
    assertMatches(connectX3, CX3_TUNED, TUNED_MACHINES, 88, CX3_TUNED, TUNED_MEAN, TUNED_WORST);
  }

  @Test
  void connectX3Class_heldOutPointsMatchTheSixMachineSweep() {
    assertMatches(
        connectX3, CX3_HELD_OUT, HELD_OUT_MACHINES, 88, CX3_TUNED, HELD_OUT_MEAN, HELD_OUT_WORST);
  }

  @Test
  void connectIbClass_tunedPointsMatchTheElevenMachineSweep() {
    assertMatches(connectIb, CIB_TUNED, TUNED_MACHINES, 154, CIB_TUNED, TUNED_MEAN, TUNED_WORST);
  }

  @Test
  void connectIbClass_heldOutPointsMatchTheSixMachineSweep() {
    assertMatches(
        connectIb, CIB_HELD_OUT, HELD_OUT_MACHINES, 154, CIB_TUNED, HELD_OUT_MEAN, HELD_OUT_WORST);
  }

  @Test
  void connectX3Class_readsFallByAboutTwoThirdsFrom88To176QpsAndKeepFalling() {
    double kept = read(connectX3, inUse(176, TUNED_MACHINES)) / read(connectX3, inUse(88, 11));
    assertTrue(kept > 0.2 && kept < 0.4, "176 vs 88 QPs keeps " + kept);
    // No flat floor: the working set still grows past the cliff, and so do the misses.
    assertTrue(
        read(connectX3, inUse(792, TUNED_MACHINES)) / read(connectX3, inUse(352, TUNED_MACHINES))
            < 0.9,
        "352 -> 792 must still cost");
  }

  @Test
  void everyProfileAndOperation_neverGainsRateWithMoreQps() {
    for (String profile : List.of("connectx3-class", "connect-ib-class")) {
      for (String operation : List.of("read", "write")) {
        TreeMap<Integer, Double> curve = curve(shipped, profile, operation);
        double previous = Double.MAX_VALUE;
        for (Map.Entry<Integer, Double> point : curve.entrySet()) {
          // 1 %: about the spread between replications of the random QP draws at one point.
          assertTrue(
              point.getValue() <= previous * 1.01,
              profile + " " + operation + " rises at " + point.getKey() + ": " + curve);
          previous = point.getValue();
        }
      }
    }
  }

  @Test
  void everyProfile_keepsLosingReadRateWhileTheWorkingSetGrows() {
    for (String profile : List.of("connectx3-class", "connect-ib-class")) {
      TreeMap<Integer, Double> reads = curve(shipped, profile, "read");
      // From the first point that lost 10 %, each doubling-or-more of the QPs costs another 3 %.
      Integer previous = null;
      for (int qps : reads.keySet()) {
        if (previous != null && reads.get(previous) < 0.9 * reads.firstEntry().getValue()) {
          assertTrue(
              reads.get(qps) < 0.97 * reads.get(previous),
              profile + " flat from " + previous + " to " + qps + " QPs: " + reads);
        }
        previous = qps;
      }
    }
  }

  @Test
  void everyProfile_readsDegradeBeforeAndOnConnectX3MoreThanWrites() {
    for (String profile : List.of("connectx3-class", "connect-ib-class")) {
      int readKnee = knee(curve(shipped, profile, "read"));
      int writeKnee = knee(curve(shipped, profile, "write"));
      assertTrue(
          readKnee < writeKnee, profile + ": READ knee " + readKnee + ", WRITE " + writeKnee);
    }
    TreeMap<Integer, Double> reads = curve(shipped, "connectx3-class", "read");
    TreeMap<Integer, Double> writes = curve(shipped, "connectx3-class", "write");
    double readKept = reads.lastEntry().getValue() / reads.firstEntry().getValue();
    double writeKept = writes.lastEntry().getValue() / writes.firstEntry().getValue();
    assertTrue(readKept < writeKept, "READ keeps " + readKept + ", WRITE " + writeKept);
  }

  /** The first QP count at which the rate has lost 10 % of its first point's. */
  private static int knee(TreeMap<Integer, Double> curve) {
    double first = curve.firstEntry().getValue();
    return curve.entrySet().stream()
        .filter(point -> point.getValue() < 0.9 * first)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(Integer.MAX_VALUE);
  }

  /**
   * The QPs an adapter uses of the {@code created} a published setting names: rdma_bench's worker
   * never uses (nor connects) the QP whose peer is its own machine.
   */
  private static int inUse(int created, int machines) {
    assertEquals(0, created * (machines - 1) % machines, created + " QPs on " + machines);
    return created * (machines - 1) / machines;
  }

  private static void assertMatches(
      ResultsCsv model,
      Map<Integer, Double> published,
      int machines,
      int referenceQps,
      Map<Integer, Double> referenceSet,
      double meanTolerance,
      double worstTolerance) {
    double modelReference = read(model, inUse(referenceQps, TUNED_MACHINES));
    double publishedReference = referenceSet.get(referenceQps);
    double sum = 0;
    double worst = 0;
    int compared = 0;
    StringBuilder table = new StringBuilder();
    for (Map.Entry<Integer, Double> point : new TreeMap<>(published).entrySet()) {
      if (point.getKey() == referenceQps) {
        continue; // 1 by definition: it would only dilute the mean
      }
      compared++;
      double expected = point.getValue() / publishedReference;
      double actual = read(model, inUse(point.getKey(), machines)) / modelReference;
      double error = Math.abs(actual - expected) / expected;
      sum += error;
      worst = Math.max(worst, error);
      table.append(
          "%n%5d QPs created: published %.3f model %.3f"
              .formatted(point.getKey(), expected, actual));
    }
    double mean = sum / compared;
    assertTrue(
        mean <= meanTolerance && worst <= worstTolerance,
        "mean " + mean + " worst " + worst + table);
  }

  private ResultsCsv sweep(
      String profile, int window, Map<Integer, Double> tuned, Map<Integer, Double> heldOut)
      throws Exception {
    TreeSet<Integer> points = new TreeSet<>();
    tuned.keySet().forEach(created -> points.add(inUse(created, TUNED_MACHINES)));
    heldOut.keySet().forEach(created -> points.add(inUse(created, HELD_OUT_MACHINES)));
    String study =
        """
        name: q1-%s
        hardware:
          profile: %s
          host: {postSendCpu: 0ns, postRecvCpu: 0ns, cqPollDetect: 0ns}
        run:
          replications: 2
        workload:
          kind: bandwidth
          operations: [read]
          sizes: [32B]
          window: %d
          qpDepth: 256
          qpChoice: random
          iterations: 10000
          warmUpIterations: 10000
        sweep:
          - path: workload.qps
            values: %s
        """
            .formatted(profile, profile, window, points);
    Path file = dir.resolve(profile + ".yaml");
    Files.writeString(file, study);
    CommandLineRun run =
        CommandLineRun.of("sweep", file.toString(), "--quiet", "--out", dir.resolve(profile) + "");
    assertEquals(0, run.exitCode(), run.err());
    return ResultsCsv.read(dir.resolve(profile).resolve("results.csv"));
  }

  private static double read(ResultsCsv results, int qps) {
    return results.number("msg_rate_mpps", "operation", "read", "workload.qps", qps + "");
  }

  private static TreeMap<Integer, Double> curve(ResultsCsv results, String profile, String op) {
    TreeMap<Integer, Double> curve = new TreeMap<>();
    for (Map<String, String> row : results.where("hardware.profile", profile, "operation", op)) {
      curve.put(
          Integer.parseInt(row.get("workload.qps")), Double.parseDouble(row.get("msg_rate_mpps")));
    }
    return curve;
  }
}
