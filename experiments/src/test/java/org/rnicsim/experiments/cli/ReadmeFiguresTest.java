package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures README.md quotes for the example studies in configs/ are what those studies give as
 * shipped. Each test runs one study, computes the quoted figures from its results and formats them
 * the way the README writes them; the README is the claim, the simulation the evidence. When the
 * model changes a figure, the README row named in the failure needs the new value.
 */
class ReadmeFiguresTest {
  private static final Path CONFIGS = Path.of("../configs");
  private static final Path README = Path.of("../README.md");

  @TempDir Path dir;

  @Test
  void quickstartTableAndRow_quoteItsSendAndWriteLatencies() throws Exception {
    CommandLineRun run = study("run", "quickstart");
    ResultsCsv results = ResultsCsv.read(dir.resolve("quickstart/results.csv"));
    double send32 = results.number("t_typical_us", "operation", "send", "size_B", "32");
    double write32 = results.number("t_typical_us", "operation", "write", "size_B", "32");
    double send64Ki = results.number("t_typical_us", "operation", "send", "size_B", "65536");

    String readme = Files.readString(README);
    String sendTable = printedTable(run.out(), "send latency");
    assertTrue(readme.contains(sendTable), "README's quickstart table should read:\n" + sendTable);
    assertTrue(readme.contains("The 32 B SEND takes " + fixed(send32, 2) + " us"), "prose");
    assertRowSays(
        "quickstart",
        "32 B SEND %s us one-way (R1), WRITE %s us; 64 KiB %s us"
            .formatted(fixed(send32, 2), fixed(write32, 2), fixed(send64Ki, 2)));
  }

  @Test
  void latencyVsSize_quotesTheSmallReadRoundTripAndTheLargestWrite() throws Exception {
    study("run", "latency-vs-size");
    ResultsCsv results = ResultsCsv.read(dir.resolve("latency-vs-size/results.csv"));
    double read32 = results.number("t_typical_us", "operation", "read", "size_B", "32");
    double write1Mi = results.number("t_typical_us", "operation", "write", "size_B", "1048576");

    assertRowSays(
        "latency-vs-size",
        "32 B READ %s us round trip; 1 MiB WRITE %s us one-way"
            .formatted(fixed(read32, 2), fixed(write1Mi, 1)));
  }

  @Test
  void pcieGenerations_quotesThe256KiBWriteBandwidthOfEachSlot() throws Exception {
    study("sweep", "pcie-generations");
    ResultsCsv results = ResultsCsv.read(dir.resolve("pcie-generations/results.csv"));
    String[] gbps = new String[3];
    String[] slots = {
      "generation=gen3 lanes=8", "generation=gen3 lanes=16", "generation=gen4 lanes=16"
    };
    for (int i = 0; i < slots.length; i++) {
      gbps[i] = fixed(results.number("bw_gbps", "hardware.pcie", slots[i], "size_B", "262144"), 1);
    }

    assertRowSays(
        "pcie-generations",
        "256 KiB WRITEs: Gen3 x8 %s, Gen3 x16 %s, Gen4 x16 %s Gb/s".formatted((Object[]) gbps));
  }

  @Test
  void qpScaling_quotesACliffForConnectX3ReadsAndASlopeForConnectIb() throws Exception {
    study("sweep", "qp-scaling");
    ResultsCsv results = ResultsCsv.read(dir.resolve("qp-scaling/results.csv"));

    assertRowSays(
        "qp-scaling",
        "ConnectX-3 READs %s Mpps at 88 QPs, %s at 176, %s at 792 (a cliff, then still falling)"
            .formatted(
                readMpps(results, "connectx3-class", 88),
                readMpps(results, "connectx3-class", 176),
                readMpps(results, "connectx3-class", 792)));
    assertRowSays(
        "qp-scaling",
        String.format(
            Locale.ROOT,
            "Connect-IB READs %s at 176, %s at %,d (a slope)",
            readMpps(results, "connect-ib-class", 176),
            readMpps(results, "connect-ib-class", 1386),
            1386));
  }

  @Test
  void interruptModeration_quotesPollingAnInterruptPerCqeAndMlx5sDefault() throws Exception {
    study("sweep", "interrupt-moderation");
    ResultsCsv results = ResultsCsv.read(dir.resolve("interrupt-moderation/results.csv"));
    String polling = "mode=polling";
    String perCqe = "mode=interrupts moderation={count=1 period=0us}";
    String mlx5Default = "mode=interrupts moderation={count=32 period=16us}";

    assertRowSays(
        "interrupt-moderation",
        ("at %s Kops/s: polling p50 %s us; an interrupt per CQE %s/s, p50 %s us;"
                + " mlx5's 16 us / 32 default %s/s, p50 %s us, p99 %s us")
            .formatted(
                fixed(results.number("msg_rate_mpps", "completion", polling) * 1000, 0),
                fixed(results.number("t_typical_us", "completion", polling), 2),
                threeFigures(results.number("interrupts_per_s", "completion", perCqe)),
                fixed(results.number("t_typical_us", "completion", perCqe), 2),
                threeFigures(results.number("interrupts_per_s", "completion", mlx5Default)),
                fixed(results.number("t_typical_us", "completion", mlx5Default), 2),
                fixed(results.number("t_p99_us", "completion", mlx5Default), 1)));
  }

  @Test
  void capacityPlan_quotesTheLastClientCountUnderTheTargetAndWhereThePortFills() throws Exception {
    study("sweep", "capacity-plan");
    List<Map<String, String>> byClients =
        ResultsCsv.read(dir.resolve("capacity-plan/results.csv")).rows().stream()
            .sorted(Comparator.comparingInt(row -> clients(row)))
            .toList();
    double p99TargetUs = 10; // the study's p99Target
    double offeredMppsPerClient = 0.25; // the study's rate, 250 Kops/s per client
    int under = 0;
    while (under < byClients.size() && value(byClients.get(under), "t_p99_us") < p99TargetUs) {
      under++;
    }
    Map<String, String> lastUnder = byClients.get(under - 1);
    Map<String, String> firstOver = byClients.get(under);
    // The port is full from the first client count whose offered load the server no longer carries.
    int full = 0;
    while (value(byClients.get(full), "msg_rate_mpps")
        >= 0.99 * offeredMppsPerClient * clients(byClients.get(full))) {
      full++;
    }
    List<Map<String, String>> saturated = byClients.subList(full, byClients.size());
    double fewestMsP99 =
        saturated.stream().mapToDouble(row -> value(row, "t_p99_us")).min().orElseThrow();
    double mostMsP99 =
        saturated.stream().mapToDouble(row -> value(row, "t_p99_us")).max().orElseThrow();

    assertRowSays(
        "capacity-plan",
        ("%d clients (p99 %s us, 95 %% CI up to %s us); at %d the p99 is %s us; from %d the"
                + " server's port is full (%s Gb/s) and the p99 climbs to %s-%s ms")
            .formatted(
                clients(lastUnder),
                fixed(value(lastUnder, "t_p99_us"), 2),
                fixed(value(lastUnder, "t_p99_us_ci95_high"), 2),
                clients(firstOver),
                fixed(value(firstOver, "t_p99_us"), 1),
                clients(saturated.get(0)),
                fixed(value(saturated.get(0), "bw_gbps"), 0),
                fixed(fewestMsP99 / 1000, 1),
                fixed(mostMsP99 / 1000, 1)));
    assertRowSays("capacity-plan", "while PFC keeps `switch_drops` at 0");
    for (Map<String, String> row : byClients) {
      assertEquals(0, value(row, "switch_drops"), "switch drops at " + clients(row) + " clients");
    }
  }

  @Test
  void qpTeardown_quotesTheCqClosedFirstAgainstTheQpAndCqClosedLast() throws Exception {
    study("sweep", "qp-teardown");
    ResultsCsv lifetimes = ResultsCsv.read(dir.resolve("qp-teardown/lifetimes.csv"));

    assertRowSays(
        "qp-teardown",
        "%s us at DESTROY_QP 40 us against %s + %s us closing it last"
            .formatted(
                fixed(closeUs(lifetimes, "40us", "cq1"), 1),
                fixed(closeUs(lifetimes, "40us", "qp2"), 1),
                fixed(closeUs(lifetimes, "40us", "cq2"), 1)));
    assertRowSays("qp-teardown", "closing the CQ first buys nothing");
    for (String destroyQp : List.of("20us", "40us", "80us")) {
      double first = closeUs(lifetimes, destroyQp, "cq1");
      double last = closeUs(lifetimes, destroyQp, "qp2") + closeUs(lifetimes, destroyQp, "cq2");
      assertTrue(first >= last, "CQ first " + first + " us, last " + last + " us at " + destroyQp);
    }
    assertRowSays("qp-teardown", "both grow one for one with DESTROY_QP");
    double destroyQpGrowthUs = 80 - 20;
    double cqFirstGrowthUs = closeUs(lifetimes, "80us", "cq1") - closeUs(lifetimes, "20us", "cq1");
    double qpLastGrowthUs = closeUs(lifetimes, "80us", "qp2") - closeUs(lifetimes, "20us", "qp2");
    // One for one within the 10 % firmware jitter the study draws (provider.firmwareJitter).
    assertEquals(1, cqFirstGrowthUs / destroyQpGrowthUs, 0.1, "CQ closed first");
    assertEquals(1, qpLastGrowthUs / destroyQpGrowthUs, 0.1, "QP closed before its CQ");
  }

  @Test
  void connectionStorm_quotesTheTimeToConnectAThousandPairsOnEitherProfile() throws Exception {
    study("sweep", "connection-storm");
    ResultsCsv results = ResultsCsv.read(dir.resolve("connection-storm/results.csv"));
    String cx4 = "connectx4-edr-gen3x16";
    String cx6 = "connectx6-gen4x16";
    double cx4Ms = stormMs(results, "establish_ms", cx4);
    double perPairUs = cx4Ms; // ms for 1,000 pairs is us per pair

    assertRowSays(
        "connection-storm",
        ("1,000 pairs take %s ms on ConnectX-4 and %s ms on ConnectX-6 (both profiles assume the"
                + " same firmware command times, and the one-command-at-a-time firmware queue"
                + " sets the pace): %s us a pair, about CREATE_QP plus three MODIFY_QPs; a pair's"
                + " setup p99 is %s ms, its MODIFY_QPs queued behind the storm's CREATE_QPs;"
                + " teardown %s ms; 0 verifier violations")
            .formatted(
                fixed(cx4Ms, 1),
                fixed(stormMs(results, "establish_ms", cx6), 1),
                fixed(perPairUs, 0),
                fixed(stormMs(results, "setup_p99_ms", cx4), 1),
                fixed(stormMs(results, "teardown_ms", cx4), 1)));
    // The profiles' CREATE_QP 50 us and MODIFY_QP 20 us (three steps), one command at a time.
    assertEquals(50 + 3 * 20, perPairUs, 0.1 * (50 + 3 * 20), "us a pair");
    for (Map<String, String> row : results.rows()) {
      assertEquals(0, value(row, "violations"), "violations at " + row);
    }
  }

  private static double stormMs(ResultsCsv results, String metric, String profile) {
    return results.number(metric, "workload.pairs", "1000", "hardware.profile", profile);
  }

  @Test
  void mm1Queue_everyPointsIntervalHoldsTheAnalyticWait() throws Exception {
    study("run", "mm1-queue");
    ResultsCsv results = ResultsCsv.read(dir.resolve("mm1-queue/results.csv"));

    assertRowSays("mm1-queue", "every point's 95 % CI holds the analytic value");
    for (Map<String, String> row : results.rows()) {
      double missNs = Math.abs(value(row, "mean_wait_ns") - value(row, "mean_wait_ns_reference"));
      assertTrue(
          missNs <= value(row, "mean_wait_ns_ci95_half_width"), "load " + row.get("load") + row);
    }
  }

  @Test
  void incastDcqcn_quotesQueuesPausesAndFairnessOfEachMode() throws Exception {
    study("sweep", "incast-dcqcn");
    ResultsCsv results = ResultsCsv.read(dir.resolve("incast-dcqcn/results.csv"));
    String mode = "hardware.congestionControl.mode";
    double noneQueue = results.number("queue_mean_kb", mode, "none");
    double dcqcnQueue = results.number("queue_mean_kb", mode, "dcqcn");
    double nonePauses = results.number("pfc_pauses", mode, "none");
    double dcqcnPauses = results.number("pfc_pauses", mode, "dcqcn");

    // The ranking DCQCN exists for: a short queue and PFC nearly quiet.
    assertTrue(dcqcnQueue < noneQueue / 5, dcqcnQueue + " KB against " + noneQueue);
    assertTrue(dcqcnPauses < nonePauses / 10, dcqcnPauses + " pauses against " + nonePauses);
    assertRowSays(
        "incast-dcqcn",
        ("(time average %s KB) and the switch sends %d PFC pauses, yet PFC alone shares evenly"
                + " (Jain %s over 750 us intervals after 10 ms); with DCQCN %d pauses")
            .formatted(
                fixed(noneQueue, 1),
                Math.round(nonePauses),
                fixed(results.number("jain_fairness", mode, "none"), 2),
                Math.round(dcqcnPauses)));
    assertRowSays(
        "incast-dcqcn",
        "the queue averages %s KB (between Kmin and Kmax)".formatted(fixed(dcqcnQueue, 1)));
    // Each sender's rate over 40 intervals of 750 us: below half the fair share early on, within
    // 20 % of it in every interval from 15 ms (interval 20) on.
    Path longTable = dir.resolve("incast-dcqcn/results-long.csv");
    double fairShareGbps = 100.0 / 8;
    for (int sender = 0; sender < 8; sender++) {
      String early = "tx_gbps_h%d_s01".formatted(sender);
      assertTrue(mean(longTable, early, "dcqcn", "1") < fairShareGbps / 2, early);
      for (int k = 20; k < 40; k++) {
        String id = "tx_gbps_h%d_s%02d".formatted(sender, k);
        assertEquals(fairShareGbps, mean(longTable, id, "dcqcn", "1"), 0.20 * fairShareGbps, id);
      }
    }
    assertRowSays(
        "incast-dcqcn", "is back at the 12.5 Gb/s fair share (within 20 %) from 15 ms on");
    assertRowSays(
        "incast-dcqcn",
        "(Jain %s, goodput %s against %s Gb/s)"
            .formatted(
                fixed(results.number("jain_fairness", mode, "dcqcn"), 2),
                fixed(results.number("goodput_gbps", mode, "dcqcn"), 1),
                fixed(results.number("goodput_gbps", mode, "none"), 1)));
  }

  @Test
  void fctSlowdown_dcqcnRanksSmallFlowsFasterAndLargeFlowsSlower() throws Exception {
    study("sweep", "fct-slowdown");
    Path longTable = dir.resolve("fct-slowdown/results-long.csv");
    ResultsCsv results = ResultsCsv.read(dir.resolve("fct-slowdown/results.csv"));

    // The rankings the model shows at both loads, on the medians (the p99 of the small buckets
    // rests on a few flows per replication and is only quoted).
    for (String load : List.of("0.3", "0.5")) {
      for (String bucket : List.of("lt10kb", "10kb_100kb")) {
        double none = mean(longTable, "fct_slowdown_p50_" + bucket, "none", load);
        double dcqcn = mean(longTable, "fct_slowdown_p50_" + bucket, "dcqcn", load);
        assertTrue(dcqcn < none, bucket + " at " + load + ": " + dcqcn + " against " + none);
      }
      for (String bucket : List.of("1mb_10mb", "ge10mb")) {
        double none = mean(longTable, "fct_slowdown_p50_" + bucket, "none", load);
        double dcqcn = mean(longTable, "fct_slowdown_p50_" + bucket, "dcqcn", load);
        assertTrue(dcqcn > none, bucket + " at " + load + ": " + dcqcn + " against " + none);
      } // The p95 of small flows ranks in every replication, not only on average.
      assertTrue(
          max(longTable, "fct_slowdown_p95_lt10kb", "dcqcn", load)
              < min(longTable, "fct_slowdown_p95_lt10kb", "none", load),
          "p95 under 10 KB at " + load);
    }
    assertRowSays(
        "fct-slowdown",
        "(%s to %s at 30 %%, %s to %s at 50 %%), but flows"
            .formatted(
                fixed(mean(longTable, "fct_slowdown_p95_lt10kb", "none", "0.3"), 1),
                fixed(mean(longTable, "fct_slowdown_p95_lt10kb", "dcqcn", "0.3"), 1),
                fixed(mean(longTable, "fct_slowdown_p95_lt10kb", "none", "0.5"), 1),
                fixed(mean(longTable, "fct_slowdown_p95_lt10kb", "dcqcn", "0.5"), 1)));
    String mode = "hardware.congestionControl.mode";
    assertRowSays(
        "fct-slowdown",
        ("(under 10 KB: %s to %s at 30 %%, %s to %s at 50 %%) and the queues (busiest time"
                + " average %s to %s KB at 30 %%)")
            .formatted(
                fixed(mean(longTable, "fct_slowdown_p50_lt10kb", "none", "0.3"), 2),
                fixed(mean(longTable, "fct_slowdown_p50_lt10kb", "dcqcn", "0.3"), 2),
                fixed(mean(longTable, "fct_slowdown_p50_lt10kb", "none", "0.5"), 2),
                fixed(mean(longTable, "fct_slowdown_p50_lt10kb", "dcqcn", "0.5"), 2),
                fixed(results.number("queue_mean_kb", mode, "none", "load", "0.3"), 1),
                fixed(results.number("queue_mean_kb", mode, "dcqcn", "load", "0.3"), 1)));
    assertRowSays(
        "fct-slowdown",
        "(1-10 MB median %s to %s at 50 %%"
            .formatted(
                fixed(mean(longTable, "fct_slowdown_p50_1mb_10mb", "none", "0.5"), 2),
                fixed(mean(longTable, "fct_slowdown_p50_1mb_10mb", "dcqcn", "0.5"), 2)));
    assertRowSays(
        "fct-slowdown",
        "(30 %%: %s without, %s with; 50 %%: %s without, %s with)"
            .formatted(
                fixed(mean(longTable, "fct_slowdown_p99_lt10kb", "none", "0.3"), 1),
                fixed(mean(longTable, "fct_slowdown_p99_lt10kb", "dcqcn", "0.3"), 1),
                fixed(mean(longTable, "fct_slowdown_p99_lt10kb", "none", "0.5"), 1),
                fixed(mean(longTable, "fct_slowdown_p99_lt10kb", "dcqcn", "0.5"), 1)));
  }

  /** The mean over replications of a detail metric in results-long.csv. */
  private static double mean(Path longTable, String metric, String mode, String load)
      throws IOException {
    return replications(longTable, metric, mode, load).average().orElseThrow();
  }

  /** The largest replication's value of a detail metric in results-long.csv. */
  private static double max(Path longTable, String metric, String mode, String load)
      throws IOException {
    return replications(longTable, metric, mode, load).max().orElseThrow();
  }

  /** The smallest replication's value of a detail metric in results-long.csv. */
  private static double min(Path longTable, String metric, String mode, String load)
      throws IOException {
    return replications(longTable, metric, mode, load).min().orElseThrow();
  }

  private static java.util.stream.DoubleStream replications(
      Path longTable, String metric, String mode, String load) throws IOException {
    List<Map<String, String>> rows =
        ResultsCsv.read(longTable)
            .where("metric", metric, "hardware.congestionControl.mode", mode, "load", load);
    assertTrue(!rows.isEmpty(), metric + " " + mode + " " + load);
    return rows.stream().mapToDouble(row -> Double.parseDouble(row.get("value")));
  }

  /** Runs configs/NAME.yaml with {@code command} (run or sweep) into the test's folder. */
  private CommandLineRun study(String command, String name) {
    Path file = CONFIGS.resolve(name + ".yaml");
    CommandLineRun run =
        CommandLineRun.of(
            command, file.toString(), "--quiet", "--out", dir.resolve(name).toString());
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  /** The README's row in "The example studies" for configs/NAME.yaml contains {@code text}. */
  private static void assertRowSays(String name, String text) throws IOException {
    String link = "| [`configs/" + name + ".yaml`]";
    List<String> rows =
        Files.readAllLines(README).stream().filter(l -> l.startsWith(link)).toList();
    assertEquals(1, rows.size(), "README rows for configs/" + name + ".yaml");
    assertTrue(
        rows.get(0).contains(text),
        "README's configs/" + name + ".yaml row should say: " + text + "\nit says: " + rows.get(0));
  }

  /**
   * The block of a printed perftest table whose title starts with {@code title}, to its blank line.
   */
  private static String printedTable(String out, String title) {
    int start = out.indexOf(title);
    assertTrue(start >= 0, out);
    return out.substring(start, out.indexOf("\n\n", start) + 1);
  }

  private static String readMpps(ResultsCsv results, String profile, int qps) {
    return fixed(
        results.number(
            "msg_rate_mpps",
            "hardware.profile",
            profile,
            "operation",
            "read",
            "workload.qps",
            String.valueOf(qps)),
        1);
  }

  private static double closeUs(ResultsCsv lifetimes, String destroyQp, String object) {
    return lifetimes.number(
            "mean_ns",
            "hardware.firmware.destroyQp",
            destroyQp,
            "scope",
            "object",
            "object",
            object,
            "action",
            "close")
        / 1000;
  }

  private static int clients(Map<String, String> row) {
    return Integer.parseInt(row.get("topology.clients"));
  }

  private static double value(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Three significant figures with thousands separators, as the README writes rates: 61,700. */
  private static String threeFigures(double value) {
    long rounded = new BigDecimal(value).round(new MathContext(3)).longValueExact();
    return String.format(Locale.ROOT, "%,d", rounded);
  }
}
