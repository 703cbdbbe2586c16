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

/** defaults.yaml &lt; study file &lt; --set, each problem located where the winning value is. */
class PrecedenceTest {
  private static final String DEFAULTS =
      String.join(
          "\n",
          "description: from the defaults",
          "run:",
          "  seed: 1",
          "  replications: 10",
          "  warmUp: 1ms",
          "  duration: 50ms",
          "sweep: []",
          "charts: all",
          "workloads:",
          "  mm1:",
          "    meanServiceTime: 1us",
          "    serviceDistribution: exponential",
          "    loads: [0.5]",
          "");

  @TempDir Path dir;

  private final StudyLoader loader =
      new StudyLoader(WorkloadKinds.all(), DEFAULTS, ProfileLayers.NONE);

  private Study load(String yaml, String... settings) throws Exception {
    Path file = Files.writeString(dir.resolve("study.yaml"), yaml);
    return loader.load(file, "study.yaml", List.of(settings), StudyLoader.Expansion.SWEEP);
  }

  private List<String> problems(String yaml, String... settings) {
    StudyRejectedException rejected =
        assertThrows(StudyRejectedException.class, () -> load(yaml, settings));
    return rejected.problems().stream().map(ConfigProblem::render).toList();
  }

  @Test
  void whenStudyNamesOnlyItsKind_thenEveryOtherValueComesFromTheDefaults() throws Exception {
    StudyPlan plan = load("name: minimal\nworkload:\n  kind: mm1\n").points().get(0).plan();

    assertEquals("from the defaults", plan.description());
    assertEquals(new RunPlan(1, 10, SimTime.PS_PER_MS, 50 * SimTime.PS_PER_MS), plan.run());
    assertEquals(new Mm1Plan(SimTime.PS_PER_US, List.of(0.5)), plan.workload());
  }

  @Test
  void whenStudyAndSetBothGiveAValue_thenSetWinsOverStudyWhichWinsOverDefaults() throws Exception {
    String yaml = "name: layered\nrun:\n  replications: 3\nworkload:\n  kind: mm1\n";

    StudyPlan fromFile = load(yaml).points().get(0).plan();
    StudyPlan fromSet =
        load(yaml, "run.replications=20", "workload.loads=[0.3, 0.7]").points().get(0).plan();

    assertEquals(3, fromFile.run().replications());
    assertEquals(50 * SimTime.PS_PER_MS, fromFile.run().durationPs(), "untouched default");
    assertEquals(20, fromSet.run().replications());
    assertEquals(List.of(0.3, 0.7), ((Mm1Plan) fromSet.workload()).loads());
  }

  @Test
  void whenSetGivesABadValue_thenTheProblemNamesTheOptionAndThePath() {
    List<String> problems =
        problems("name: x\nworkload:\n  kind: mm1\n", "run.replications=three", "run.warmUp=5");

    assertEquals(
        List.of(
            "--set run.replications=three: wrong type at 'run.replications': expected a whole"
                + " number, got a text value",
            "--set run.warmUp=5: wrong type at 'run.warmUp': expected a text value, got a bare"
                + " number (durations, sizes and rates need a unit, such as \"1us\" or \"4KiB\")"),
        problems);
  }

  @Test
  void whenSetIsMalformed_thenEachSettingIsRefusedWithItsText() {
    List<String> problems =
        problems(
            "name: x\nworkload:\n  kind: mm1\n",
            "run.replications",
            "../etc=1",
            "workload.loads[5]=0.5",
            "run.seed=[1, 2");

    assertEquals(4, problems.size(), problems.toString());
    String all = String.join("\n", problems);
    assertTrue(problems.get(0).startsWith("--set ../etc=1: '../etc' is not a key path"), all);
    assertTrue(problems.get(1).startsWith("--set run.replications: expected path=value"), all);
    assertTrue(problems.get(2).startsWith("--set run.seed=[1, 2: cannot read the value"), all);
    assertTrue(problems.get(3).contains("there is no list at 'workload.loads' to index into"), all);
  }

  @Test
  void whenDefaultIsOverriddenByABadStudyValue_thenTheStudyFileIsBlamedNotTheDefaults() {
    List<String> problems = problems("name: x\nrun:\n  duration: 0ms\nworkload:\n  kind: mm1\n");

    assertEquals(List.of("study.yaml:3:13: 'run.duration' must be positive (got 0ms)"), problems);
  }

  @Test
  void whenSweepValueIsBad_thenTheProblemPointsAtThatValueInTheSweep() {
    String yaml =
        String.join(
            "\n",
            "name: x",
            "workload:",
            "  kind: mm1",
            "sweep:",
            "  - path: workload.meanServiceTime",
            "    values: [1us, 2 parsecs, 3us]",
            "");

    List<String> problems = problems(yaml);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("study.yaml:6:19: bad duration at 'workload.meanServiceTime'"),
        problems.get(0));
  }

  @Test
  void whenRangeHasUnits_thenItStepsExactlyAndLabelsInReadableUnits() throws Exception {
    String yaml =
        String.join(
            "\n",
            "name: x",
            "workload:",
            "  kind: mm1",
            "sweep:",
            "  - path: workload.meanServiceTime",
            "    from: 500ns",
            "    to: 2us",
            "    step: 250ns",
            "  - path: run.seed",
            "    from: 1",
            "    to: 3",
            "    step: 1",
            "");

    Study study = load(yaml);

    assertEquals(
        List.of("500ns", "750ns", "1us", "1.25us", "1.5us", "1.75us", "2us"),
        study.axes().get(0).values().stream().map(AxisValue::label).toList());
    assertEquals(21, study.points().size());
    StudyPlan last = study.points().get(20).plan();
    assertEquals(3, last.run().seed());
    assertEquals(2 * SimTime.PS_PER_US, ((Mm1Plan) last.workload()).meanServicePs());
  }

  @Test
  void whenSweepIsAbsurd_thenRefusedBeforeAnythingIsExpanded() {
    String yaml =
        String.join(
            "\n",
            "name: x",
            "workload:",
            "  kind: mm1",
            "sweep:",
            "  - path: workload.meanServiceTime",
            "    from: 1ns",
            "    to: 1s",
            "    step: 1ns",
            "  - path: name",
            "    values: [a, b]",
            "  - path: run.seed",
            "    from: 1",
            "    to: 0",
            "    step: 1",
            "");

    List<String> problems = problems(yaml);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("has 1000000000 values; the limit is 10000"));
    assertTrue(problems.get(1).contains("a sweep cannot vary 'name'"));
    assertTrue(problems.get(2).contains("'sweep[2].to' must not be below 'from'"));
  }
}
