package org.rnicsim.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.rdma.BandwidthPlan;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.profile.CongestionControlMode;
import org.rnicsim.model.profile.CongestionControlProfile;

/**
 * A study turns DCQCN on by path, as any profile key, and sets the switch's ECN marking under
 * topology.ecn; the defaults are the profiles' (none, with the paper's parameters) and the paper's
 * RED. Bad values are refused where they were written.
 */
@Timeout(60)
class CongestionControlStudyTest {
  private static final String INCAST =
      """
      name: incast
      hardware: {profile: connectx4-edr-gen3x16}
      topology: {shape: switch, clients: 4}
      run: {replications: 1}
      workload: {kind: bandwidth, sizes: [64KiB], iterations: 100, warmUpIterations: 10}
      """;

  @TempDir Path dir;

  private final StudyLoader loader = new StudyLoader(WorkloadKinds.all());

  private BandwidthPlan load(List<String> settings) throws Exception {
    Path file = Files.writeString(dir.resolve("incast.yaml"), INCAST);
    Study study = loader.load(file, "incast.yaml", settings, StudyLoader.Expansion.ONE_POINT);
    return (BandwidthPlan) study.points().get(0).plan().workload();
  }

  @Test
  void byDefaultNoCongestionControlRunsAndTheSwitchMarksWithThePapersRed() throws Exception {
    BandwidthPlan plan = load(List.of());
    assertEquals(
        CongestionControlProfile.paperDcqcn(CongestionControlMode.NONE),
        plan.testbed().hardware().congestionControl());
    assertEquals(new EcnMarking(5_000, 200_000, 0.01), plan.testbed().topology().ecn());
    assertEquals(
        plan.testbed().topology().ecn(),
        plan.testbed().topology().cabling().ecn(),
        "the testbed's switch gets the marking");
  }

  @Test
  void aSetTurnsDcqcnOnAndAnotherChangesOneParameterAndTheMarking() throws Exception {
    BandwidthPlan plan =
        load(
            List.of(
                "hardware.congestionControl.mode=dcqcn",
                "hardware.congestionControl.rateIncreasePeriod=300us",
                "topology.ecn.kmin=100KB",
                "topology.ecn.kmax=400KB"));
    CongestionControlProfile dcqcn = plan.testbed().hardware().congestionControl();
    assertTrue(dcqcn.runsDcqcn());
    assertEquals(300_000_000L, dcqcn.rateIncreasePeriodPs());
    assertEquals(50_000_000L, dcqcn.cnpIntervalPs(), "the rest stays the profile's");
    assertEquals(new EcnMarking(100_000, 400_000, 0.01), plan.testbed().topology().ecn());
    assertEquals(
        EcnMarking.OFF, load(List.of("topology.ecn.marking=off")).testbed().topology().ecn());
  }

  @Test
  void badCongestionSettingsAreRefusedWhereTheyWereWritten() {
    for (List<String> bad :
        List.of(
            List.of("hardware.congestionControl.mode=tcp"),
            List.of("topology.ecn.kmin=300KB"),
            List.of("topology.ecn.pmax=2"),
            List.of("topology.ecn.marking=blue"))) {
      StudyRejectedException refused =
          assertThrows(StudyRejectedException.class, () -> load(bad), bad.toString());
      String path = bad.get(0).substring(0, bad.get(0).indexOf('='));
      String expectedPath = path.equals("topology.ecn.kmin") ? "topology.ecn.kmax" : path;
      assertFalse(refused.problems().isEmpty());
      assertTrue(
          refused.problems().stream().anyMatch(p -> p.toString().contains(expectedPath)),
          bad + ": " + refused.problems());
    }
  }
}
