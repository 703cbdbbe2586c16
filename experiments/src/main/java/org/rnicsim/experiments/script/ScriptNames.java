package org.rnicsim.experiments.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.consumer.Step;

/**
 * Turns a script's bound steps into model steps in file order, so that a step using an object no
 * earlier step created is refused before anything runs, and only calls stand inside {@code
 * whenNotified}.
 */
final class ScriptNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

  private final Problems problems;
  private final Set<String> hosts;
  private final Set<String> names = new HashSet<>();

  ScriptNames(Problems problems, Set<String> hosts) {
    this.problems = problems;
    this.hosts = hosts;
  }

  /** A name of an object or host: a word of letters, digits, '-' and '_'. */
  static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  /**
   * One of {@code choices} (compared ignoring case), or null after reporting the value at {@code
   * at}.
   */
  static <E> E choice(Problems problems, String at, String value, Map<String, E> choices) {
    if (value == null) {
      problems.report(at, "'" + at + "' is missing");
      return null;
    }
    for (Map.Entry<String, E> choice : choices.entrySet()) {
      if (choice.getKey().equalsIgnoreCase(value)) {
        return choice.getValue();
      }
    }
    problems.report(
        at,
        "'"
            + at
            + "' must be one of "
            + String.join(", ", choices.keySet())
            + " (got '"
            + value
            + "')");
    return null;
  }

  Problems problems() {
    return problems;
  }

  Set<String> hosts() {
    return hosts;
  }

  Set<String> names() {
    return Collections.unmodifiableSet(names);
  }

  boolean isNamed(String name) {
    return names.contains(name);
  }

  /** The steps written at {@code path}; an entry binding refused (null) is left out. */
  List<ScriptStep> steps(List<StepEntry> entries, String path, boolean inCallback) {
    List<ScriptStep> steps = new ArrayList<>();
    if (entries == null) {
      return steps;
    }
    for (int i = 0; i < entries.size(); i++) {
      StepEntry entry = entries.get(i);
      if (entry == null) {
        continue;
      }
      String item = path + "[" + i + "]";
      String at = entry.keyOnly() ? item : item + "." + entry.key();
      StepCheck check = new StepCheck(this, at, !entry.mapping(), inCallback);
      Step step = entry.step().bind(check);
      names.addAll(check.declared());
      if (step == null) {
        continue;
      }
      if (inCallback && !(step instanceof Step.Call)) {
        problems.report(
            at, "inside whenNotified only calls are allowed, not '" + entry.key() + "'");
      }
      Origin where = problems.originOf(item);
      steps.add(new ScriptStep(step, entry.say(), where.source() + ":" + where.line()));
    }
    return steps;
  }
}
