package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnicsim.experiments.study.ConfigDocument;
import org.rnicsim.experiments.study.Origin;
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
  private static final Set<String> KEYS =
      new LinkedHashSet<>(
          List.of(
              "exercise",
              "title",
              "after",
              "rules",
              "task",
              "hosts",
              "provider",
              "goals",
              "starter"));
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ExerciseLoader() {}

  /** Parses one exercise file of the course. */
  static Exercise parse(String text, String displayName) {
    LessonTree tree;
    JsonNode root;
    try {
      ConfigDocument document = ConfigDocument.read(YAML, text, displayName);
      tree = new LessonTree(document.source());
      root = document.tree();
    } catch (JacksonException e) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName).problem("", "syntax error: " + e.getOriginalMessage()));
    }
    tree.onlyKeys(root, "", KEYS);
    int number = (int) tree.integer(root.get("exercise"), "exercise", 1, 99, 0);
    int after = (int) tree.integer(root.get("after"), "after", 1, 99, 0);
    List<Integer> rules = new ArrayList<>();
    List<JsonNode> ruleItems = tree.list(root.get("rules"), "rules");
    for (int i = 0; i < ruleItems.size(); i++) {
      rules.add((int) tree.integer(ruleItems.get(i), LessonTree.index("rules", i), 1, 34, 1));
    }
    StringBuilder setting = new StringBuilder();
    for (String key : List.of("hosts", "provider")) {
      if (root.has(key)) {
        setting.append(key).append(": ").append(JSON.writeValueAsString(root.get(key)));
        setting.append('\n');
      }
    }
    List<ExerciseGoal> goals = new ArrayList<>();
    List<JsonNode> goalItems = tree.list(root.get("goals"), "goals");
    for (int i = 0; i < goalItems.size(); i++) {
      ExerciseGoal goal = goal(tree, goalItems.get(i), LessonTree.index("goals", i));
      if (goal != null) {
        goals.add(goal);
      }
    }
    Exercise exercise =
        new Exercise(
            number,
            tree.text(root.get("title"), "title"),
            after,
            rules,
            tree.text(root.get("task"), "task").strip(),
            setting.toString(),
            goals,
            tree.text(root.get("starter"), "starter"));
    if (!tree.problems().isEmpty()) {
      throw new StudyRejectedException(tree.problems());
    }
    return exercise;
  }

  private static ExerciseGoal goal(LessonTree tree, JsonNode node, String at) {
    JsonNode item = tree.mapping(node, at);
    if (item == null) {
      return null;
    }
    tree.onlyKeys(
        item,
        at,
        Set.of("say", "allClosed", "lastCall", "count", "object", "status", "atLeast", "atMost"));
    String say = tree.text(item.get("say"), LessonTree.join(at, "say"));
    if (item.has("allClosed")) {
      return new ExerciseGoal.AllClosed(say);
    }
    if (item.has("lastCall")) {
      return new ExerciseGoal.LastCall(say, tree.text(item.get("lastCall"), at + ".lastCall"));
    }
    if (item.has("count")) {
      return new ExerciseGoal.Count(
          say,
          tree.text(item.get("count"), at + ".count"),
          tree.text(item.get("object"), at + ".object", ""),
          tree.text(item.get("status"), at + ".status", ""),
          (int) tree.integer(item.get("atLeast"), at + ".atLeast", 0, 1_000_000, 0),
          (int) tree.integer(item.get("atMost"), at + ".atMost", 0, 1_000_000, 1_000_000));
    }
    tree.problem(at, "a goal is one of allClosed, lastCall or count");
    return null;
  }

  /**
   * The lesson that runs {@code solution} for {@code exercise}.
   *
   * @throws StudyRejectedException naming the solution's file, line and column
   */
  static Lesson solution(Exercise exercise, String solution, String displayName) {
    JsonNode root;
    LessonTree tree;
    try {
      ConfigDocument document = ConfigDocument.read(YAML, solution, displayName);
      tree = new LessonTree(document.source());
      root = document.tree();
    } catch (JacksonException e) {
      // The lesson loader reports the syntax error with its line and column.
      return LessonLoader.parse(solution, displayName, "exercise-solution");
    }
    if (root == null || !root.isObject() || solution.strip().startsWith("{")) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName)
              .problem("", "a solution is a mapping with 'steps:' on a line of its own"));
    }
    tree.onlyKeys(root, "", Set.of("steps"));
    if (!root.has("steps")) {
      tree.problem("steps", "'steps' is missing: the solution is its list of steps");
    }
    if (!tree.problems().isEmpty()) {
      throw new StudyRejectedException(tree.problems());
    }
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
