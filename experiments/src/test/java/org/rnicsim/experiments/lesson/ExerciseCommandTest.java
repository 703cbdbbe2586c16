package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnicsim.experiments.ExitCodes;

/**
 * Each exercise's reference solution (test resources, exercises/NN-solution.yaml) passes, and a
 * deliberately wrong one (NN-wrong.yaml) fails for the reason it was written to: the rules the
 * verifier names, a goal it misses, or the step that cannot be played.
 */
@Timeout(300)
class ExerciseCommandTest {
  private static final Path SOLUTIONS = Path.of("src/test/resources/exercises");
  private static final Pattern BROKEN = Pattern.compile("broken: rule (\\d+) at [0-9.]+ us");

  static Stream<Arguments> wrongSolutions() {
    return Stream.of(
        Arguments.of(1, List.of(), "'qp' has not been delivered yet (invariant 2"),
        Arguments.of(2, List.of(), "its create failed: no object, invariant 3"),
        Arguments.of(3, List.of(13), "reached: each of the three receives"),
        Arguments.of(4, List.of(11), "from inside the CqNotification"),
        Arguments.of(5, List.of(), "missed:  every one of the six completions"),
        Arguments.of(6, List.of(22), "missed:  exactly one doorbell is rung on qpA"),
        Arguments.of(7, List.of(), "missed:  b calls Disconnect on the passive connector"),
        Arguments.of(8, List.of(13), "missed:  b's Disconnect completes successfully"));
  }

  @ParameterizedTest(name = "exercise {0}")
  @MethodSource("wrongSolutions")
  void theReferenceSolutionPasses(int exercise) {
    LessonCommandTest.Run run = check(exercise, "solution");
    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains(": PASS\n"), run.out());
  }

  @ParameterizedTest(name = "exercise {0}")
  @MethodSource("wrongSolutions")
  void aWrongSolutionFailsWithTheExpectedRules(int exercise, List<Integer> rules, String says) {
    LessonCommandTest.Run run = check(exercise, "wrong");
    assertEquals(ExitCodes.RULES_BROKEN, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL"), run.out());
    Matcher broken = BROKEN.matcher(run.out());
    List<Integer> named = broken.results().map(m -> Integer.parseInt(m.group(1))).toList();
    assertEquals(rules, named, run.out());
    assertTrue(run.out().contains(says), run.out());
  }

  private static LessonCommandTest.Run check(int exercise, String kind) {
    Path file = SOLUTIONS.resolve(String.format("%02d-%s.yaml", exercise, kind));
    return LessonCommandTest.rnicsim(
        "exercise", "check", String.valueOf(exercise), file.toString(), "--no-files");
  }

  @Test
  void listShowsTheEightExercises_andShowPrintsTaskGoalsAndStarter() {
    LessonCommandTest.Run list = LessonCommandTest.rnicsim("exercise", "list");
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().startsWith(" 1  Post on a QP only once"), list.out());
    assertTrue(list.out().contains(" 8  A two-host connection"), list.out());
    LessonCommandTest.Run show = LessonCommandTest.rnicsim("exercise", "show", "6");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("  - exactly one doorbell is rung on qpA"), show.out());
    assertTrue(show.out().contains("steps:\n  - openAdapter: adapter\n"), show.out());
    assertEquals(2, LessonCommandTest.rnicsim("exercise", "show", "99").exitCode());
  }

  @Test
  void theStarterAloneFails_andCheckDrawsTheStudentsTimeline(@TempDir Path dir) throws IOException {
    String show = LessonCommandTest.rnicsim("exercise", "show", "3", "--starter").out();
    assertTrue(show.startsWith("steps:\n"), show);
    Path starter = Files.writeString(dir.resolve("mine.yaml"), show);
    Path out = dir.resolve("drawn");
    LessonCommandTest.Run run =
        LessonCommandTest.rnicsim(
            "exercise", "check", "3", starter.toString(), "--out", out.toString());
    assertEquals(ExitCodes.RULES_BROKEN, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("missed:  every object ends closed"), run.out());
    for (String file : List.of("narration.txt", "timeline.png", "timeline.svg", "lesson.html")) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
  }

  @Test
  void aSolutionMaySetOnlyItsSteps_andProblemsNameItsLineAndColumn(@TempDir Path dir)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("mine.yaml"),
            "steps:\n  - openAdapter: adapter\nhosts: [x]\n  - closeAdapter: adapter\n");
    LessonCommandTest.Run run =
        LessonCommandTest.rnicsim("exercise", "check", "1", file.toString(), "--no-files");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out());
    assertTrue(run.err().contains("mine.yaml:"), run.err());
    Path unknown =
        Files.writeString(
            dir.resolve("unknown.yaml"), "hosts: [x]\nsteps:\n  - openAdapter: adapter\n");
    LessonCommandTest.Run keyRun =
        LessonCommandTest.rnicsim("exercise", "check", "1", unknown.toString(), "--no-files");
    assertEquals(ExitCodes.BAD_INPUT, keyRun.exitCode(), keyRun.out());
    assertTrue(keyRun.err().contains("unknown.yaml:1:1"), keyRun.err());
    assertTrue(keyRun.err().contains("unknown key 'hosts'"), keyRun.err());
  }
}
