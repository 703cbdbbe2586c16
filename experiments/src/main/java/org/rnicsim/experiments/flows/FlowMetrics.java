package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.study.Metric;

/**
 * The numbers of a flows job. FCT percentiles are nearest-rank over the measured flows that
 * completed (those arriving after the warm-up); a slowdown is a flow's FCT over the FCT of the same
 * size alone on an idle network. Jain's index is taken in each sampled interval after the warm-up
 * over the flows active during the whole interval (arrived before it began, not ended before it
 * ended), each flow's rate being its bytes in the interval; the metric is the mean over intervals
 * with at least two such flows. Rates over time are per sending machine (one flow per sender in
 * incast and permutation once-arrivals, so per flow there).
 */
final class FlowMetrics {
  static final String FLOWS = "flows";
  static final String FAILED = "flows_failed";
  static final String WAITED = "flows_waited_for_qp";

  /** Why measured flows failed: the start of {@code Flow.failure}, and the metric counting it. */
  static final String[][] FAILURE_KINDS = {
    {FlowRun.UNFINISHED, "flows_unfinished", "measured flows unfinished at the drain limit"},
    {FlowRun.NO_QP, "flows_without_qp", "measured flows that never got a free QP"},
    {FlowRun.WRITE_ERROR, "flows_write_error", "measured flows whose WRITE completed in error"}
  };

  static final String JAIN = "jain_fairness";
  static final String GOODPUT = "goodput_gbps";
  static final String PFC_PAUSES = "pfc_pauses";
  static final String ECN_MARKS = "ecn_marks";
  static final String CNPS = "cnps";
  static final String QUEUE_MAX = "queue_max_kb";
  static final String QUEUE_MEAN = "queue_mean_kb";
  static final String PACKET_HOPS = "packet_hops";
  static final String[] PERCENTILES = {"p50", "p95", "p99"};
  static final double[] SHARES = {0.50, 0.95, 0.99};

  /** Upper bounds (exclusive) of the flow-size buckets, bytes; the last bucket is unbounded. */
  static final long[] BUCKET_BOUNDS = {10_000, 100_000, 1_000_000, 10_000_000};

  static final String[] BUCKETS = {"lt10kb", "10kb_100kb", "100kb_1mb", "1mb_10mb", "ge10mb"};
  static final String[] BUCKET_LABELS = {
    "< 10 KB", "10-100 KB", "100 KB-1 MB", "1-10 MB", ">= 10 MB"
  };

  /** Senders whose rate over time is kept: enough for any chart a reader can tell apart. */
  static final int MAX_RATE_SERIES = 16;

  private FlowMetrics() {}

  static String slowdownId(String percentile, String bucket) {
    return "fct_slowdown_" + percentile + (bucket.isEmpty() ? "" : "_" + bucket);
  }

  static String bucketFlowsId(String bucket) {
    return "flows_" + bucket;
  }

  static String rateId(int sender, int sample) {
    return String.format(Locale.ROOT, "tx_gbps_h%d_s%02d", sender, sample);
  }

  static String queueId(int sample) {
    return String.format(Locale.ROOT, "queue_kb_s%02d", sample);
  }

  static String pausesId(int sample) {
    return String.format(Locale.ROOT, "pfc_pauses_s%02d", sample);
  }

  static List<Metric> metrics() {
    List<Metric> all = new ArrayList<>();
    all.add(new Metric(FLOWS, "flows measured (arrived after the warm-up)", "", false, null));
    all.add(new Metric(FAILED, "measured flows that failed or did not finish", "", false, null));
    for (String[] kind : FAILURE_KINDS) {
      all.add(new Metric(kind[1], kind[2], "", false, null));
    }
    all.add(new Metric(WAITED, "flows that waited for a free QP of their pair", "", false, null));
    for (int p = 0; p < PERCENTILES.length; p++) {
      all.add(
          new Metric(
              "fct_" + PERCENTILES[p] + "_us",
              "flow completion time " + PERCENTILES[p],
              "us",
              p == 2,
              null));
    }
    for (int p = 0; p < PERCENTILES.length; p++) {
      all.add(
          new Metric(
              slowdownId(PERCENTILES[p], ""),
              "FCT slowdown " + PERCENTILES[p] + " (FCT over the same flow alone)",
              "",
              p != 1,
              null));
    }
    all.add(new Metric(JAIN, "Jain's fairness index of flows active together", "", true, null));
    all.add(
        new Metric(
            GOODPUT, "payload delivered per second of the measured span", "Gb/s", false, null));
    all.add(
        new Metric(PFC_PAUSES, "PFC pauses sent (switch ingress and adapters)", "", true, null));
    all.add(new Metric(ECN_MARKS, "packets switches marked ECN CE", "", true, null));
    all.add(new Metric(CNPS, "CNPs sent (DCQCN notification points)", "", false, null));
    all.add(new Metric(QUEUE_MAX, "deepest switch output queue", "KB", true, null));
    all.add(new Metric(QUEUE_MEAN, "busiest switch output queue, time average", "KB", false, null));
    all.add(
        new Metric(PACKET_HOPS, "packets delivered over a link (one per hop)", "", false, null));
    for (int b = 0; b < BUCKETS.length; b++) {
      all.add(Metric.detail(bucketFlowsId(BUCKETS[b]), "flows of " + BUCKET_LABELS[b], ""));
      for (String percentile : PERCENTILES) {
        all.add(
            Metric.detail(
                slowdownId(percentile, BUCKETS[b]),
                "FCT slowdown " + percentile + ", flows of " + BUCKET_LABELS[b],
                ""));
      }
    }
    for (int k = 0; k < FlowRun.SAMPLES; k++) {
      all.add(Metric.detail(queueId(k), "deepest switch queue at the end of interval " + k, "KB"));
      all.add(Metric.detail(pausesId(k), "PFC pauses in interval " + k, ""));
    }
    for (int s = 0; s < MAX_RATE_SERIES; s++) {
      for (int k = 0; k < FlowRun.SAMPLES; k++) {
        all.add(
            Metric.detail(
                rateId(s, k),
                "sender " + s + " rate in interval " + k + " (NaN: no such sender)",
                "Gb/s"));
      }
    }
    return List.copyOf(all);
  }

  static List<Double> values(
      FlowRun run,
      ToLongFunction<FlowRun.Flow> idleFctPs,
      long warmUpPs,
      long durationPs,
      int[] senders) {
    List<FlowRun.Flow> measured = new ArrayList<>();
    int failed = 0;
    int[] byKind = new int[FAILURE_KINDS.length];
    for (FlowRun.Flow flow : run.flows) {
      if (!flow.measured) {
        continue;
      }
      if (flow.endPs >= 0) {
        measured.add(flow);
        continue;
      }
      failed++;
      for (int k = 0; k < FAILURE_KINDS.length; k++) {
        if (flow.failure.startsWith(FAILURE_KINDS[k][0])) {
          byKind[k]++;
        }
      }
    }
    List<Double> values = new ArrayList<>();
    values.add((double) measured.size() + failed);
    values.add((double) failed);
    for (int count : byKind) {
      values.add((double) count);
    }
    values.add((double) run.waitedForQp);
    double[] fctUs = new double[measured.size()];
    double[] slowdowns = new double[measured.size()];
    for (int i = 0; i < fctUs.length; i++) {
      FlowRun.Flow flow = measured.get(i);
      fctUs[i] = (double) flow.fctPs() / SimTime.PS_PER_US;
      slowdowns[i] = (double) flow.fctPs() / idleFctPs.applyAsLong(flow);
    }
    addPercentiles(values, fctUs);
    addPercentiles(values, slowdowns);
    values.add(jain(run, warmUpPs));
    long measureFromPs = run.startPs + warmUpPs;
    double deliveredBytes = 0;
    for (int k = 0; k < FlowRun.SAMPLES; k++) {
      if (run.startPs + k * run.samplePs >= measureFromPs) {
        for (double[] sender : run.txBytes) {
          deliveredBytes += sender[k];
        }
      }
    }
    values.add(deliveredBytes * 8 / ((double) durationPs / SimTime.PS_PER_S) / 1e9);
    values.add((double) run.probe.pfcPauses());
    values.add((double) run.probe.ecnMarks());
    values.add((double) run.probe.cnps());
    values.add(run.probe.queueMaxBytes() / 1000.0);
    values.add(run.probe.queueMeanBytes() / 1000.0);
    values.add((double) run.probe.packetHops());
    for (int b = 0; b < BUCKETS.length; b++) {
      List<Double> inBucket = new ArrayList<>();
      for (int i = 0; i < slowdowns.length; i++) {
        if (bucketOf(measured.get(i).bytes) == b) {
          inBucket.add(slowdowns[i]);
        }
      }
      values.add((double) inBucket.size());
      addPercentiles(values, inBucket.stream().mapToDouble(Double::doubleValue).toArray());
    }
    for (int k = 0; k < FlowRun.SAMPLES; k++) {
      values.add(
          k < run.probe.queueBytes.size() ? run.probe.queueBytes.get(k) / 1000.0 : Double.NaN);
      long before = k == 0 ? 0 : sampleOr(run.probe.pausesSoFar, k - 1);
      values.add(
          k < run.probe.pausesSoFar.size() ? run.probe.pausesSoFar.get(k) - before : Double.NaN);
    }
    double intervalS = (double) run.samplePs / SimTime.PS_PER_S;
    for (int s = 0; s < MAX_RATE_SERIES; s++) {
      for (int k = 0; k < FlowRun.SAMPLES; k++) {
        values.add(
            s < senders.length ? run.txBytes[senders[s]][k] * 8 / intervalS / 1e9 : Double.NaN);
      }
    }
    return values;
  }

  private static long sampleOr(List<Long> samples, int k) {
    return k < samples.size() ? samples.get(k) : 0;
  }

  static int bucketOf(long bytes) {
    for (int b = 0; b < BUCKET_BOUNDS.length; b++) {
      if (bytes < BUCKET_BOUNDS[b]) {
        return b;
      }
    }
    return BUCKET_BOUNDS.length;
  }

  private static void addPercentiles(List<Double> values, double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    for (double share : SHARES) {
      if (sorted.length == 0) {
        values.add(Double.NaN);
      } else {
        int rank = (int) Math.ceil(share * sorted.length);
        values.add(sorted[Math.max(0, rank - 1)]);
      }
    }
  }

  /** Mean of Jain's index over the sampled intervals after the warm-up; NaN without any. */
  static double jain(FlowRun run, long warmUpPs) {
    double sum = 0;
    int intervals = 0;
    for (int k = 0; k < FlowRun.SAMPLES; k++) {
      long fromPs = run.startPs + k * run.samplePs;
      long toPs = fromPs + run.samplePs;
      if (fromPs < run.startPs + warmUpPs) {
        continue;
      }
      double total = 0;
      double squares = 0;
      int active = 0;
      for (FlowRun.Flow flow : run.flows) {
        boolean throughout =
            flow.qp != null
                && flow.arrivalPs <= fromPs
                && (flow.endPs >= toPs
                    || (flow.endPs < 0
                        && flow.failure != null
                        && flow.failure.startsWith("unfinished")));
        if (throughout) {
          double x = flow.sampleBytes == null ? 0 : flow.sampleBytes[k];
          total += x;
          squares += x * x;
          active++;
        }
      }
      if (active >= 2 && squares > 0) {
        sum += total * total / (active * squares);
        intervals++;
      }
    }
    return intervals == 0 ? Double.NaN : sum / intervals;
  }
}
