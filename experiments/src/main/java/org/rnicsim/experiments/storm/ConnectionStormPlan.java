package org.rnicsim.experiments.storm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.ndk.consumer.ScriptSettings;

/**
 * A validated {@code connection-storm} workload: one storm per replication, its firmware latencies
 * drawn under {@code provider.firmwareJitter} from streams seeded by the run's seed and the
 * replication. The firmware queues are reported at {@link #OCCUPANCY_SAMPLES} evenly spaced moments
 * of the build-up, from the first call (0 %) to the last pair connected (100 %), so replications
 * and pair counts of different lengths line up.
 */
final class ConnectionStormPlan implements WorkloadPlan {
  static final String ESTABLISH = "establish_ms";
  static final String SETUP_P99 = "setup_p99_ms";
  static final String SETUP_P50 = "setup_p50_ms";
  static final String TEARDOWN = "teardown_ms";
  static final String VIOLATIONS = "violations";

  /** Moments of the build-up the firmware queues are reported at, 0 % to 100 %. */
  static final int OCCUPANCY_SAMPLES = 21;

  private final ScriptSettings settings;
  private final int pairs;
  private final List<Metric> metrics;

  ConnectionStormPlan(ScriptSettings settings, int pairs) {
    this.settings = settings;
    this.pairs = pairs;
    List<Metric> all = new ArrayList<>();
    all.add(new Metric(ESTABLISH, "time until every pair is connected", "ms", true, null));
    all.add(
        new Metric(
            SETUP_P99, "per-connection setup p99 (Connect to CompleteConnect)", "ms", true, null));
    all.add(new Metric(SETUP_P50, "per-connection setup median", "ms", false, null));
    all.add(new Metric(TEARDOWN, "time until every QP is closed again", "ms", true, null));
    all.add(new Metric(VIOLATIONS, "lifetime verifier violations", "", false, null));
    for (int i = 0; i < OCCUPANCY_SAMPLES; i++) {
      all.add(Metric.detail(occupancyId("client", i), "client firmware commands, sample " + i, ""));
      all.add(Metric.detail(occupancyId("server", i), "server firmware commands, sample " + i, ""));
    }
    this.metrics = List.copyOf(all);
  }

  /** The metric of {@code host}'s firmware commands waiting or executing at sample {@code i}. */
  static String occupancyId(String host, int sample) {
    return String.format(Locale.ROOT, "fw_queue_%s_s%02d", host, sample);
  }

  /** The share of the build-up, 0 to 1, at which sample {@code i} is taken. */
  static double sampleShare(int sample) {
    return (double) sample / (OCCUPANCY_SAMPLES - 1);
  }

  @Override
  public String kind() {
    return ConnectionStormWorkload.KIND;
  }

  @Override
  public String describe() {
    return "connection storm of "
        + pairs
        + (pairs == 1 ? " QP pair" : " QP pairs")
        + " from client to server through the NDK provider under the lifetime verifier";
  }

  @Override
  public CaseAxis cases() {
    return CaseAxis.single();
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  @Override
  public List<String> ownCharts() {
    return List.of(ConnectionStormReport.OCCUPANCY);
  }

  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    return pairs;
  }

  @Override
  public String measuredSpan(RunPlan run) {
    return "the first CreateQp to the last QP closed";
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    long seed =
        new RandomStreams(run.seed(), replication)
            .stream("connection-storm").nextLong(Long.MAX_VALUE);
    ConnectionStorm.Outcome outcome = ConnectionStorm.run(settings.withSeed(seed), pairs);
    long[] setup = outcome.setupPs().clone();
    Arrays.sort(setup);
    List<Double> values = new ArrayList<>();
    values.add((double) outcome.establishPs() / SimTime.PS_PER_MS);
    values.add((double) percentile(setup, 0.99) / SimTime.PS_PER_MS);
    values.add((double) percentile(setup, 0.50) / SimTime.PS_PER_MS);
    values.add((double) outcome.teardownPs() / SimTime.PS_PER_MS);
    values.add((double) outcome.violations());
    for (int i = 0; i < OCCUPANCY_SAMPLES; i++) {
      long[] at = sampleAt(outcome.occupancySamples(), sampleShare(i) * outcome.establishPs());
      values.add((double) at[1]);
      values.add((double) at[2]);
    }
    return new Measurement(values, outcome.eventsExecuted());
  }

  /** The nearest-rank percentile of sorted {@code values}. */
  private static long percentile(long[] sorted, double share) {
    int rank = (int) Math.ceil(share * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The last sample taken at or before {@code timePs} after the storm began. */
  private static long[] sampleAt(List<long[]> samples, double timePs) {
    long[] last = samples.get(0);
    for (long[] sample : samples) {
      if (sample[0] > timePs) {
        break;
      }
      last = sample;
    }
    return last;
  }
}
