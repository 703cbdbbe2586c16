package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.script.StepEntry;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.ProviderSection;
import org.rnicsim.ndk.consumer.Script;
import tools.jackson.databind.JsonNode;

/**
 * A lesson file as written, bound by Jackson as a study file is; {@link LessonLoader} checks it and
 * builds the lesson.
 *
 * @param hardware the machines' hardware, bound over the defaults and the profile it names as a
 *     study's is (so kept as written here)
 * @param topology how the machines are cabled, bound as {@code hardware} is
 */
record LessonFile(
    Long lesson,
    String title,
    List<String> spec,
    List<Long> invariants,
    String story,
    List<String> hosts,
    JsonNode hardware,
    JsonNode topology,
    Long seed,
    ProviderSection provider,
    Expect expect,
    List<Explanation> explain,
    List<StepEntry> steps) {

  /** What the verifier must report. */
  record Expect(List<Long> violations) {}

  /** What the narration says when an event happens to an object. */
  record Explanation(String event, String object, String say) {}

  /** A required text value, or "" after reporting it missing. */
  static String text(String value, String path, Problems problems) {
    if (value == null) {
      problems.report(path, "'" + path + "' is missing");
      return "";
    }
    return value;
  }

  /** A whole number in [min, max], or {@code fallback} after reporting it. */
  static long integer(Long value, String path, long min, long max, long fallback, Problems p) {
    if (value == null) {
      return fallback;
    }
    p.check(value >= min && value <= max, path, "be between " + min + " and " + max, value);
    return value >= min && value <= max ? value : fallback;
  }

  /** ndkpi-spec invariant numbers, 1 to 34. */
  static List<Integer> invariants(List<Long> numbers, String path, Problems problems) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; numbers != null && i < numbers.size(); i++) {
      Long number = numbers.get(i);
      out.add((int) integer(number, path + "[" + i + "]", 1, 34, 1, problems));
    }
    return out;
  }

  List<String> specSections(Problems problems) {
    List<String> out = new ArrayList<>();
    for (int i = 0; spec != null && i < spec.size(); i++) {
      out.add(text(spec.get(i), "spec[" + i + "]", problems));
    }
    return out;
  }

  List<Script.Explanation> explanations(Problems problems) {
    List<Script.Explanation> out = new ArrayList<>();
    for (int i = 0; explain != null && i < explain.size(); i++) {
      Explanation item = explain.get(i);
      if (item == null) {
        continue;
      }
      String at = "explain[" + i + "]";
      out.add(
          new Script.Explanation(
              text(item.event(), at + ".event", problems),
              item.object() == null ? "" : item.object(),
              text(item.say(), at + ".say", problems)));
    }
    return out;
  }
}
