package org.rnicsim.experiments.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.experiments.script.ScriptSetup;
import org.rnicsim.experiments.study.ConfigDocument;
import org.rnicsim.experiments.study.ConfigFileReader;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.DocumentBinding;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.ndk.consumer.Script;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a lesson file and checks it completely before anything runs: YAML syntax, every key, every
 * value's type and unit, and every object name a step uses. A file with problems is refused with
 * all of them, each located at file, line and column, as study files are ({@link
 * StudyRejectedException}).
 */
public final class LessonLoader {

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
  static Lesson parse(String text, Path path, String displayName, String slug) {
    ConfigDocument document;
    try {
      document = ConfigDocument.read(YAML, text, displayName);
    } catch (JacksonException e) {
      throw StudyRejectedException.of(syntaxProblem(e, displayName));
    }
    if (document.tree() == null || !document.tree().isObject()) {
      throw refuse(displayName, "a lesson file is a mapping with 'lesson', 'title' and 'steps'");
    }
    DocumentBinding.Bound<LessonFile> bound = DocumentBinding.bind(document, LessonFile.class);
    Problems problems = bound.problems();
    LessonFile file = bound.value();
    if (file == null) {
      problems.throwIfAny();
      throw refuse(displayName, "a lesson file is a mapping with 'lesson', 'title' and 'steps'");
    }
    int number = (int) LessonFile.integer(file.lesson(), "lesson", 1, 99, 0, problems);
    if (file.lesson() == null) {
      problems.report("lesson", "'lesson' (its number) is missing");
    }
    Matcher numbered = NUMBERED.matcher(slug);
    if (number > 0 && numbered.matches() && Integer.parseInt(numbered.group(1)) != number) {
      problems.report(
          "lesson",
          "the file name says lesson " + numbered.group(1) + " but 'lesson' says " + number);
    }
    String title = LessonFile.text(file.title(), "title", problems);
    List<String> spec = file.specSections(problems);
    List<Integer> invariants = LessonFile.invariants(file.invariants(), "invariants", problems);
    String story = file.story() == null ? "" : file.story();
    long seed = LessonFile.integer(file.seed(), "seed", 0, Long.MAX_VALUE, 1, problems);
    List<String> hosts = ScriptSetup.hosts(file.hosts(), "hosts", problems);
    List<ConfigProblem> testbedProblems = new ArrayList<>();
    TestbedPlan testbed =
        new StudyLoader(List.of())
            .testbed(
                file.hardware(),
                file.topology(),
                document.source(),
                path,
                displayName,
                testbedProblems);
    testbedProblems.forEach(problems::add);
    ScriptSettings settings =
        ScriptSetup.settings(file.provider(), hosts, "hosts", testbed, seed, problems);
    List<Integer> expected =
        file.expect() == null
            ? List.of()
            : LessonFile.invariants(file.expect().violations(), "expect.violations", problems);
    List<Script.Explanation> explanations = file.explanations(problems);
    if (file.steps() == null) {
      problems.report("steps", "'steps' is missing: a lesson needs at least one step");
    }
    List<ScriptStep> script = ScriptSetup.steps(file.steps(), "steps", hosts, problems);
    problems.throwIfAny();
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
