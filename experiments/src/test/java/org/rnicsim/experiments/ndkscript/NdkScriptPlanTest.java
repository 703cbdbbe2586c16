package org.rnicsim.experiments.ndkscript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.Units;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;

/**
 * An {@code ndk-script} plan measures what its provider section configures: a slower firmware
 * command shows up one for one in the create latency it serves, replications differ under jitter
 * and agree without it, and the defaults file's provider is the provider's documented default.
 */
class NdkScriptPlanTest {
  private static final String STUDY =
      String.join(
          "\n", "name: one-qp", "run: {replications: 6}", "workload:", "  kind: ndk-script", "");

  private static final StudyLoader LOADER = new StudyLoader(WorkloadKinds.all());

  private static StudyPlan load(String... settings) {
    return LOADER
        .load(
            STUDY,
            Path.of("one-qp.yaml"),
            "one-qp.yaml",
            List.of(settings),
            StudyLoader.Expansion.ONE_POINT)
        .points()
        .get(0)
        .plan();
  }

  private static double meanOf(StudyPlan plan, String metricId) {
    int index = indexOf(plan, metricId);
    double sum = 0;
    for (int r = 0; r < plan.run().replications(); r++) {
      Measurement m = plan.workload().measure(plan.run(), 0, r);
      sum += m.values().get(index);
    }
    return sum / plan.run().replications();
  }

  private static int indexOf(StudyPlan plan, String metricId) {
    for (int i = 0; i < plan.workload().metrics().size(); i++) {
      if (plan.workload().metrics().get(i).id().equals(metricId)) {
        return i;
      }
    }
    throw new AssertionError("no metric " + metricId);
  }

  @Test
  void whenCreateQpIsSlowerWithoutJitter_thenTheQpCreateLatencyGrowsByExactlyTheDifference() {
    String slow = "130us";
    String fast = "50us";
    double expectedNs = (Units.parseDurationPs(slow) - Units.parseDurationPs(fast)) / 1000.0;

    double slowNs =
        meanOf(
            load("provider.firmwareJitter=0%", "hardware.firmware.createQp=" + slow),
            "create_qp_ns");
    double fastNs =
        meanOf(
            load("provider.firmwareJitter=0%", "hardware.firmware.createQp=" + fast),
            "create_qp_ns");

    assertEquals(expectedNs, slowNs - fastNs, 1e-9);
  }

  @Test
  void whenCreateQpIsSlowerWithJitter_thenTheMeanGrowsByAboutTheDifference() {
    String slow = "130us";
    String fast = "50us";
    double expectedNs = (Units.parseDurationPs(slow) - Units.parseDurationPs(fast)) / 1000.0;
    // Under 10 % jitter each draw lies within 10 % of its latency, so the means do too.
    double boundNs = 0.10 * (Units.parseDurationPs(slow) + Units.parseDurationPs(fast)) / 1000.0;

    double shiftNs =
        meanOf(load("hardware.firmware.createQp=" + slow), "create_qp_ns")
            - meanOf(load("hardware.firmware.createQp=" + fast), "create_qp_ns");

    assertTrue(Math.abs(shiftNs - expectedNs) <= boundNs, shiftNs + " vs " + expectedNs);
  }

  @Test
  void whenFirmwareJitters_thenReplicationsDifferAndWithoutJitterTheyAgree() {
    StudyPlan jittered = load();
    StudyPlan fixed = load("provider.firmwareJitter=0%");
    int index = indexOf(jittered, "close_qp_ns");

    assertNotEquals(
        jittered.workload().measure(jittered.run(), 0, 0).values().get(index),
        jittered.workload().measure(jittered.run(), 0, 1).values().get(index));
    assertEquals(
        fixed.workload().measure(fixed.run(), 0, 0).values(),
        fixed.workload().measure(fixed.run(), 0, 1).values());
  }

  @Test
  void whenNothingIsSet_thenTheDefaultsFileGivesTheProvidersDocumentedDefaults() {
    NdkScriptPlan plan = (NdkScriptPlan) load().workload();
    var settings = plan.scriptFor(1, 0).settings();
    ProviderPolicy policy = settings.policy();
    ProviderPolicy defaults = ProviderPolicy.defaults();

    assertEquals(defaults.createPaths(), policy.createPaths());
    assertEquals(defaults.closePaths(), policy.closePaths());
    assertEquals(defaults.callbackCostsPs(), policy.callbackCostsPs());
    assertEquals(defaults.postCostPs(), policy.postCostPs());
    assertEquals(defaults.completionDpcCostPs(), policy.completionDpcCostPs());
    assertEquals(defaults.batchDeferredDoorbells(), policy.batchDeferredDoorbells());
    // Each command's fixed default is the middle of the range 10 % jitter spreads it over.
    FirmwareConfig assumed = ReferenceProfiles.connectX4EdrGen3x16().firmware().config();
    int checked = 0;
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      CommandLatency drawn = settings.hardware().firmware().latency(kind);
      if (drawn instanceof CommandLatency.Uniform uniform
          && assumed.latency(kind) instanceof CommandLatency.Fixed fixed) {
        assertEquals(fixed.latencyPs(), (uniform.minPs() + uniform.maxPs()) / 2, kind.name());
        assertEquals(fixed.latencyPs() / 10, (uniform.maxPs() - uniform.minPs()) / 2, kind.name());
        checked++;
      }
    }
    // REGISTER_MR keeps its per-page form; every other command is a fixed default.
    assertEquals(FirmwareCommandKind.values().length - 1, checked);
  }
}
