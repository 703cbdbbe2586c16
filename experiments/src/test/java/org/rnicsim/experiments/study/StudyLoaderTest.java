package org.rnicsim.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.queueing.Mm1Plan;
import org.rnicsim.experiments.run.WorkloadKinds;

class StudyLoaderTest {
  @TempDir Path dir;

  private final StudyLoader loader = new StudyLoader(WorkloadKinds.all());

  @Test
  void whenJsonStudy_thenSameStudyAsYaml() throws Exception {
    String json =
        """
        {
          "name": "tiny",
          "run": {"seed": 7, "replications": 3, "warmUp": "100us", "duration": "2ms"},
          "workload": {"kind": "mm1", "meanServiceTime": "1us", "loads": [0.3, 0.6]}
        }
        """;
    Path file = Files.writeString(dir.resolve("tiny.json"), json);

    StudyPlan plan = loader.load(file, "tiny.json");

    assertEquals(new RunPlan(7, 3, 100 * SimTime.PS_PER_US, 2 * SimTime.PS_PER_MS), plan.run());
    assertEquals(new Mm1Plan(SimTime.PS_PER_US, List.of(0.3, 0.6)), plan.workload());
  }

  @Test
  void whenYamlAliasNamesAnAnchor_thenTheAnchorsValueIsUsed() throws Exception {
    String yaml =
        """
        name: tiny
        run: {seed: 7, replications: 3, warmUp: &same 100us, duration: *same}
        workload: {kind: mm1, meanServiceTime: 1us, loads: &loads [0.3, 0.6]}
        sweep: [{path: workload.loads, values: [*loads]}]
        """;
    Path file = Files.writeString(dir.resolve("alias.yaml"), yaml);

    Study study = loader.load(file, "alias.yaml", List.of(), StudyLoader.Expansion.SWEEP);

    assertEquals(100 * SimTime.PS_PER_US, study.points().get(0).plan().run().durationPs());
    assertEquals(
        new Mm1Plan(SimTime.PS_PER_US, List.of(0.3, 0.6)), study.points().get(0).plan().workload());
    assertEquals(1, study.points().size(), "the aliased list is one value of the axis");
  }

  @Test
  void whenShippedQuickstart_thenValid() {
    StudyPlan plan = loader.load(Path.of("../configs/quickstart.yaml"), "quickstart.yaml");

    assertEquals("quickstart", plan.name());
  }

  @Test
  void whenProblemsSpanSections_thenEachIsLocatedAtItsValue() throws Exception {
    String yaml =
        String.join(
            "\n",
            "name: tiny",
            "run:",
            "  seed: 7",
            "  replications: 3",
            "  warmUp: -1us",
            "  duration: 2ms",
            "workload:",
            "  kind: mm1",
            "  meanServiceTime: 0ns",
            "  loads: []",
            "");
    Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);

    StudyRejectedException rejected =
        assertThrows(StudyRejectedException.class, () -> loader.load(file, "bad.yaml"));

    List<String> rendered = rejected.problems().stream().map(ConfigProblem::render).toList();
    assertEquals(3, rendered.size(), rendered.toString());
    assertTrue(
        rendered.get(0).startsWith("bad.yaml:5:11: bad duration at 'run.warmUp': "),
        rendered.get(0));
    assertEquals(
        "bad.yaml:9:20: 'workload.meanServiceTime' must be positive (got 0ns)", rendered.get(1));
    assertEquals(
        "bad.yaml:10:10: 'workload.loads' must list between 1 and 100 loads (got 0 loads)",
        rendered.get(2));
  }
}
