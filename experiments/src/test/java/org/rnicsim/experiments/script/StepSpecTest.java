package org.rnicsim.experiments.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.experiments.lesson.LessonLoader;
import org.rnicsim.experiments.study.StudyRejectedException;

/** The step records decide what a step key means, which keys it takes and where it may stand. */
class StepSpecTest {
  private static String lesson(String... steps) {
    return "lesson: 1\ntitle: t\nsteps:\n" + String.join("\n", steps) + "\n";
  }

  private static List<String> problems(String text) {
    StudyRejectedException e =
        assertThrows(
            StudyRejectedException.class, () -> LessonLoader.parse(text, "l.yaml", "01-t"));
    return e.problems().stream().map(p -> p.render()).toList();
  }

  @Test
  void whenAStepIsNotACall_thenItIsRefusedInsideWhenNotified() {
    List<String> problems =
        problems(
            lesson(
                "  - openAdapter: adapter",
                "  - createCq: cq",
                "  - whenNotified:",
                "      cq: cq",
                "      do:",
                "        - getCqResults: cq",
                "        - runFor: 1us"));

    assertEquals(
        List.of("l.yaml:10:19: inside whenNotified only calls are allowed, not 'runFor'"),
        problems);
  }

  @Test
  void whenAStepKeyIsUnknown_thenEveryKnownKeyIsListedInTheRecordsOrder() {
    List<String> problems = problems(lesson("  - destroy: adapter"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "l.yaml:4:5: unknown step 'destroy' (known: openAdapter, createCq, createPd,"),
        problems.get(0));
    assertTrue(problems.get(0).endsWith("failNextCommand, measure)"), problems.get(0));
    assertEquals(29, StepEntry.keys().size());
  }

  @Test
  void whenAMappingStepGetsABareValue_thenTheKeysItsRecordTakesAreListed() {
    List<String> problems = problems(lesson("  - connect: foo"));

    assertEquals(
        List.of(
            "l.yaml:4:14: 'steps[0].connect' takes a mapping of connector, qp, host, port;"
                + " got the text 'foo'"),
        problems);
  }

  @Test
  void whenAStepHasAKeyItsRecordDoesNotTake_thenTheKeyIsRefusedWithTheKnownOnes() {
    List<String> problems =
        problems(lesson("  - openAdapter: adapter", "  - createCq: {as: cq, deep: 3}"));

    assertEquals(
        List.of(
            "l.yaml:5:24: unknown key 'steps[1].createCq.deep' (known: adapter, as, core,"
                + " depth)"),
        problems);
  }

  @Test
  void whenAStepUsesTheNameItDeclares_thenTheNameIsNotYetKnown() {
    List<String> problems =
        problems(
            lesson(
                "  - openAdapter: adapter",
                "  - createPd: pd",
                "  - createQp: {as: qp, pd: pd, cq: qp}"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("no earlier step created an object named 'qp'"), problems.get(0));
  }
}
