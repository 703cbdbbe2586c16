package org.rnicsim.experiments.ndkscript;

import java.util.List;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.ndk.consumer.Script;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.consumer.ScriptedConsumer;
import org.rnicsim.ndk.consumer.Timeline;

/**
 * A validated {@code ndk-script} workload: the script plays once per replication, from its first
 * step to its last, under the lifetime verifier, with the provider's random streams (firmware
 * latencies drawn under {@code provider.firmwareJitter}) seeded by the run's seed and the
 * replication. A script has no cases of its own: one job per replication.
 */
final class NdkScriptPlan implements WorkloadPlan {
  private final ScriptSettings settings;
  private final List<ScriptStep> steps;
  private final ScriptLayout layout;
  private final List<Metric> metrics;

  NdkScriptPlan(ScriptSettings settings, List<ScriptStep> steps, ScriptLayout layout) {
    this.settings = settings;
    this.steps = List.copyOf(steps);
    this.layout = layout;
    this.metrics = layout.metrics();
  }

  @Override
  public String kind() {
    return NdkScriptWorkload.KIND;
  }

  @Override
  public String describe() {
    return "NDK consumer script of "
        + steps.size()
        + " steps on "
        + settings.hosts().size()
        + (settings.hosts().size() == 1 ? " host" : " hosts")
        + " under the lifetime verifier ("
        + settings.providerVariant().fileName()
        + " provider)";
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
    return List.of(NdkScriptReport.LIFETIMES, NdkScriptReport.OBJECT_CLOSES);
  }

  @Override
  public String measuredSpan(RunPlan run) {
    return "the whole script, first step to last";
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    Timeline timeline = ScriptedConsumer.run(scriptFor(run.seed(), replication));
    // The scripted consumer does not report its simulator's event count; its timeline entries (one
    // per call, callback, interrupt, firmware command) stand in for it in the events-per-second
    // figure.
    return new Measurement(
        LifetimeFigures.of(timeline, layout).valuesFor(metrics), timeline.entries().size());
  }

  /**
   * The script as replication {@code replication} of a run with master seed {@code seed} plays it.
   */
  Script scriptFor(long seed, int replication) {
    // The provider seeds its firmware streams from one number; each replication gets its own,
    // derived from (seed, replication) as every other random stream of a study is.
    long replicationSeed =
        new RandomStreams(seed, replication).stream("ndk-script").nextLong(Long.MAX_VALUE);
    return new Script(settings.withSeed(replicationSeed), steps, List.of());
  }
}
