package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.study.ConfigDocument;
import org.rnicsim.experiments.study.DocumentBinding;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.StudyRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads exercise files, and turns a student's solution into a lesson to run: the solution gives
 * only {@code steps} (in the lessons' vocabulary); the exercise adds the hosts and provider it
 * fixes, after the solution's own text, so every problem the lesson loader finds in the steps is
 * reported at the solution's own lines.
 */
final class ExerciseLoader {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExerciseLoader() {}

  /** An exercise file as written. */
  record ExerciseFile(
      Long exercise,
      String title,
      Long after,
      List<Long> rules,
      String task,
      JsonNode hosts,
      JsonNode provider,
      List<Goal> goals,
      String starter) {}

  /** One goal as written: one of allClosed, lastCall or count, with what it says. */
  record Goal(
      String say,
      Boolean allClosed,
      String lastCall,
      String count,
      String object,
      String status,
      Long atLeast,
      Long atMost) {}

  /** A solution as written: only its steps, which the lesson it becomes binds. */
  record SolutionFile(JsonNode steps) {}

  /** Parses one exercise file of the course. */
  static Exercise parse(String text, String displayName) {
    DocumentBinding.Bound<ExerciseFile> bound =
        DocumentBinding.bind(document(text, displayName), ExerciseFile.class);
    Problems problems = bound.problems();
    ExerciseFile file = bound.value();
    problems.throwIfAny();
    int number = (int) LessonFile.integer(file.exercise(), "exercise", 1, 99, 0, problems);
    int after = (int) LessonFile.integer(file.after(), "after", 1, 99, 0, problems);
    List<Integer> rules = LessonFile.invariants(file.rules(), "rules", problems);
    // The exercise's hosts and provider are the lesson's, written after the solution's steps.
    StringBuilder setting = new StringBuilder();
    if (file.hosts() != null) {
      setting.append("hosts: ").append(JSON.writeValueAsString(file.hosts())).append('\n');
    }
    if (file.provider() != null) {
      setting.append("provider: ").append(JSON.writeValueAsString(file.provider())).append('\n');
    }
    List<ExerciseGoal> goals = new ArrayList<>();
    for (int i = 0; file.goals() != null && i < file.goals().size(); i++) {
      ExerciseGoal goal = goal(file.goals().get(i), "goals[" + i + "]", problems);
      if (goal != null) {
        goals.add(goal);
      }
    }
    Exercise exercise =
        new Exercise(
            number,
            LessonFile.text(file.title(), "title", problems),
            after,
            rules,
            LessonFile.text(file.task(), "task", problems).strip(),
            setting.toString(),
            goals,
            LessonFile.text(file.starter(), "starter", problems));
    problems.throwIfAny();
    return exercise;
  }

  private static ConfigDocument document(String text, String displayName) {
    try {
      return ConfigDocument.read(YAML, text, displayName);
    } catch (JacksonException e) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName).problem("", "syntax error: " + e.getOriginalMessage()));
    }
  }

  private static ExerciseGoal goal(Goal goal, String at, Problems problems) {
    if (goal == null) {
      return null;
    }
    String say = LessonFile.text(goal.say(), at + ".say", problems);
    if (goal.allClosed() != null) {
      return new ExerciseGoal.AllClosed(say);
    }
    if (goal.lastCall() != null) {
      return new ExerciseGoal.LastCall(say, goal.lastCall());
    }
    if (goal.count() != null) {
      return new ExerciseGoal.Count(
          say,
          goal.count(),
          goal.object() == null ? "" : goal.object(),
          goal.status() == null ? "" : goal.status(),
          (int) LessonFile.integer(goal.atLeast(), at + ".atLeast", 0, 1_000_000, 0, problems),
          (int)
              LessonFile.integer(goal.atMost(), at + ".atMost", 0, 1_000_000, 1_000_000, problems));
    }
    problems.report(at, "a goal is one of allClosed, lastCall or count");
    return null;
  }

  /**
   * The lesson that runs {@code solution} for {@code exercise}.
   *
   * @throws StudyRejectedException naming the solution's file, line and column
   */
  static Lesson solution(Exercise exercise, String solution, String displayName) {
    ConfigDocument document;
    try {
      document = ConfigDocument.read(YAML, solution, displayName);
    } catch (JacksonException e) {
      // The lesson loader reports the syntax error with its line and column.
      return LessonLoader.parse(solution, displayName, "exercise-solution");
    }
    JsonNode root = document.tree();
    if (root == null || !root.isObject() || solution.strip().startsWith("{")) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName)
              .problem("", "a solution is a mapping with 'steps:' on a line of its own"));
    }
    DocumentBinding.Bound<SolutionFile> bound = DocumentBinding.bind(document, SolutionFile.class);
    if (bound.value() != null && bound.value().steps() == null) {
      bound.problems().report("steps", "'steps' is missing: the solution is its list of steps");
    }
    bound.problems().throwIfAny();
    String lesson =
        solution.stripTrailing()
            + "\n"
            + "lesson: "
            + exercise.number()
            + "\ntitle: "
            + JSON.writeValueAsString(exercise.heading())
            + "\n"
            + exercise.setting();
    return LessonLoader.parse(lesson, displayName, "exercise-solution");
  }
}
