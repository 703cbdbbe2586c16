package org.rnicsim.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.rdma.RdmaPlan;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * The hardware section layers as the precedence says: the named profile fills every value, the
 * study and --set override by path, a sweep may swap the profile or merge a mapping into a section.
 */
class HardwareSectionTest {
  private static final String STUDY =
      String.join(
          "\n",
          "name: hw",
          "hardware:",
          "  profile: connectx4-edr-gen3x16",
          "  host:",
          "    postSendCpu: 0ns",
          "completion:",
          "  moderation: {count: 32, period: 16us}",
          "workload:",
          "  kind: latency",
          "");

  @TempDir Path dir;

  private final StudyLoader loader = new StudyLoader(WorkloadKinds.all());

  private Study load(String text, StudyLoader.Expansion expansion, String... settings)
      throws Exception {
    Path file = Files.writeString(dir.resolve("hw.yaml"), text);
    return loader.load(file, "hw.yaml", List.of(settings), expansion);
  }

  private static RdmaPlan rdma(Study study, int point) {
    return (RdmaPlan) study.points().get(point).plan().workload();
  }

  @Test
  void whenStudyAndSetOverrideProfileValues_thenTheyWinAndTheRestIsTheProfiles() throws Exception {
    Study study = load(STUDY, StudyLoader.Expansion.ONE_POINT, "hardware.pcie.lanes=8");

    HardwareProfile hardware = rdma(study, 0).testbed().hardware();
    assertEquals(8, hardware.pcie().lanes(), "--set");
    assertEquals(0, hardware.host().postSendCpuPs(), "study file");
    assertEquals(40_000, hardware.host().cqPollDetectPs(), "profile");
    assertEquals("connectx4-edr-gen3x16", hardware.name());
  }

  @Test
  void whenASweepSwapsTheProfile_thenEachPointHasItsProfileWithTheStudysOverridesOnTop()
      throws Exception {
    String text =
        STUDY
            + "sweep:\n  - path: hardware.profile\n"
            + "    values: [connectx3-class, connectx4-edr-gen3x16]\n";

    Study study = load(text, StudyLoader.Expansion.SWEEP);

    HardwareProfile cx3 = rdma(study, 0).testbed().hardware();
    HardwareProfile cx4 = rdma(study, 1).testbed().hardware();
    assertEquals(8, cx3.pcie().lanes());
    assertEquals(16, cx4.pcie().lanes());
    assertEquals(16_351, cx3.limits().maxQueueDepth());
    assertEquals(0, cx3.host().postSendCpuPs());
    assertEquals(0, cx4.host().postSendCpuPs());
  }

  @Test
  void whenASweptMappingLandsOnASection_thenItMergesKeyByKey() throws Exception {
    String text =
        STUDY
            + "sweep:\n  - path: completion\n"
            + "    values: [{mode: polling}, {mode: interrupts}]\n";

    Study study = load(text, StudyLoader.Expansion.SWEEP);

    CompletionPlan interrupts = rdma(study, 1).testbed().completion();
    assertEquals(CompletionSection.Mode.INTERRUPTS, interrupts.mode());
    assertEquals(32, interrupts.moderation().maxCount(), "the study's moderation stays");
    assertEquals(CqModeration.mlx5Default().periodPs(), interrupts.moderation().periodPs());
    assertEquals("mode=interrupts", study.axes().get(0).values().get(1).label());
  }

  @Test
  void whenAProfilesFolderIsBesideTheStudy_thenItsProfileShadowsTheBuiltInOne() throws Exception {
    Path profiles = Files.createDirectory(dir.resolve("profiles"));
    String builtIn = Files.readString(Path.of("../configs/profiles/connectx4-edr-gen3x16.yaml"));
    Files.writeString(
        profiles.resolve("connectx4-edr-gen3x16.yaml"),
        builtIn.replace("\n  lanes: 16\n", "\n  lanes: 4\n"));

    Study study = load(STUDY, StudyLoader.Expansion.ONE_POINT);

    assertEquals(4, rdma(study, 0).testbed().hardware().pcie().lanes());
  }

  @Test
  void whenTheJarIsBuilt_thenItCarriesExactlyTheProfilesOfConfigs() throws Exception {
    List<String> shipped;
    try (Stream<Path> files = Files.list(Path.of("../configs/profiles"))) {
      shipped =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".yaml"))
              .map(name -> name.substring(0, name.length() - ".yaml".length()))
              .sorted()
              .toList();
    }

    assertEquals(shipped, ProfileCatalog.BUILT_IN);
    for (String name : shipped) {
      assertTrue(
          getClass().getResource(ProfileCatalog.RESOURCE_FOLDER + name + ".yaml") != null, name);
    }
  }
}
