package org.rnicsim.experiments.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.experiments.study.ConfigDocument;
import org.rnicsim.experiments.study.ConfigFileReader;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.SourceMap;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.ndk.consumer.Script;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a lesson file and checks it completely before anything runs: YAML syntax, every key, every
 * value's type and unit, and every object name a step uses. A file with problems is refused with
 * all of them, each located at file, line and column, as study files are ({@link
 * StudyRejectedException}).
 */
public final class LessonLoader {

  private static final Set<String> TOP_KEYS =
      new LinkedHashSet<>(
          List.of(
              "lesson",
              "title",
              "spec",
              "invariants",
              "story",
              "hosts",
              "hardware",
              "topology",
              "seed",
              "provider",
              "expect",
              "explain",
              "steps"));

  private static final Pattern NUMBERED = Pattern.compile("(\\d{2})-[a-z0-9-]+");

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private LessonLoader() {}

  /** Reads {@code file}; {@code displayName} is how messages name it. */
  public static Lesson load(Path file, String displayName) {
    String text = ConfigFileReader.readText(file, displayName, "lesson");
    return parse(text, file, displayName, slugOf(String.valueOf(file.getFileName())));
  }

  /** The file name without its .yaml or .yml ending. */
  static String slugOf(String fileName) {
    return fileName.replaceFirst("\\.ya?ml$", "");
  }

  /**
   * Parses a lesson from its text; a {@code profiles/} folder is looked for beside the working
   * folder.
   */
  public static Lesson parse(String text, String displayName, String slug) {
    return parse(text, Path.of(slug + ".yaml"), displayName, slug);
  }

  /**
   * Parses a lesson from its text, as if read from {@code file} (a {@code profiles/} folder beside
   * it holds profiles it may name).
   */
  static Lesson parse(String text, Path file, String displayName, String slug) {
    SourceMap source;
    JsonNode root;
    try {
      ConfigDocument document = ConfigDocument.read(YAML, text, displayName);
      source = document.source();
      root = document.tree();
    } catch (JacksonException e) {
      throw StudyRejectedException.of(syntaxProblem(e, displayName));
    }
    if (root == null || !root.isObject()) {
      throw refuse(displayName, "a lesson file is a mapping with 'lesson', 'title' and 'steps'");
    }
    LessonTree tree = new LessonTree(source);
    tree.onlyKeys(root, "", TOP_KEYS);
    int number = (int) tree.integer(root.get("lesson"), "lesson", 1, 99, 0);
    if (!root.has("lesson")) {
      tree.problem("lesson", "'lesson' (its number) is missing");
    }
    Matcher numbered = NUMBERED.matcher(slug);
    if (number > 0 && numbered.matches() && Integer.parseInt(numbered.group(1)) != number) {
      tree.problem(
          "lesson",
          "the file name says lesson " + numbered.group(1) + " but 'lesson' says " + number);
    }
    String title = tree.text(root.get("title"), "title");
    List<String> spec = new ArrayList<>();
    List<JsonNode> specItems = tree.list(root.get("spec"), "spec");
    for (int i = 0; i < specItems.size(); i++) {
      spec.add(tree.text(specItems.get(i), LessonTree.index("spec", i)));
    }
    List<Integer> invariants = invariants(tree, root.get("invariants"), "invariants");
    String story = tree.text(root.get("story"), "story", "");
    long seed = tree.integer(root.get("seed"), "seed", 0, Long.MAX_VALUE, 1);
    SettingsBinder settingsBinder = new SettingsBinder(tree);
    List<String> hosts = settingsBinder.hosts(root.get("hosts"), "hosts");
    List<ConfigProblem> testbedProblems = new ArrayList<>();
    TestbedPlan testbed =
        new StudyLoader(List.of())
            .testbed(
                root.get("hardware"),
                root.get("topology"),
                source,
                file,
                displayName,
                testbedProblems);
    tree.problems().addAll(testbedProblems);
    ScriptSettings settings =
        settingsBinder.settings(hosts, "hosts", root.get("provider"), seed, testbed);
    List<Integer> expected = List.of();
    JsonNode expect = tree.mapping(root.get("expect"), "expect");
    if (expect != null) {
      tree.onlyKeys(expect, "expect", Set.of("violations"));
      expected = invariants(tree, expect.get("violations"), "expect.violations");
    }
    List<Script.Explanation> explanations = explanations(tree, root.get("explain"));
    if (!root.has("steps")) {
      tree.problem("steps", "'steps' is missing: a lesson needs at least one step");
    }
    StepBinder steps = new StepBinder(tree, new LinkedHashSet<>(hosts));
    List<ScriptStep> script = steps.steps(root.get("steps"), "steps", false);
    if (!tree.problems().isEmpty()) {
      throw new StudyRejectedException(sorted(tree.problems()));
    }
    return new Lesson(
        number,
        slug,
        title,
        spec,
        invariants,
        story.strip(),
        expected,
        new Script(settings, script, explanations),
        displayName,
        text);
  }

  private static List<Integer> invariants(LessonTree tree, JsonNode node, String path) {
    List<Integer> numbers = new ArrayList<>();
    List<JsonNode> items = tree.list(node, path);
    for (int i = 0; i < items.size(); i++) {
      numbers.add((int) tree.integer(items.get(i), LessonTree.index(path, i), 1, 34, 1));
    }
    return numbers;
  }

  private static List<Script.Explanation> explanations(LessonTree tree, JsonNode node) {
    List<Script.Explanation> out = new ArrayList<>();
    List<JsonNode> items = tree.list(node, "explain");
    for (int i = 0; i < items.size(); i++) {
      String at = LessonTree.index("explain", i);
      JsonNode item = tree.mapping(items.get(i), at);
      if (item == null) {
        continue;
      }
      tree.onlyKeys(item, at, Set.of("event", "object", "say"));
      out.add(
          new Script.Explanation(
              tree.text(item.get("event"), LessonTree.join(at, "event")),
              tree.text(item.get("object"), LessonTree.join(at, "object"), ""),
              tree.text(item.get("say"), LessonTree.join(at, "say"))));
    }
    return out;
  }

  private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
    List<ConfigProblem> out = new ArrayList<>(problems);
    out.sort(
        (a, b) ->
            a.line() != b.line()
                ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
    return out;
  }

  private static ConfigProblem syntaxProblem(JacksonException e, String displayName) {
    TokenStreamLocation location = e.getLocation();
    String message = e.getOriginalMessage();
    String firstLine = message == null ? "bad YAML" : message.lines().findFirst().orElse(message);
    int line = location != null ? Math.max(location.getLineNr(), 0) : 0;
    int column = location != null ? Math.max(location.getColumnNr(), 0) : 0;
    return new ConfigProblem(displayName, line, column, "", "syntax error: " + firstLine.strip());
  }

  private static StudyRejectedException refuse(String displayName, String message) {
    return StudyRejectedException.of(Origin.startOf(displayName).problem("", message));
  }
}
