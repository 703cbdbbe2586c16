package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.consumer.Step;
import tools.jackson.databind.JsonNode;

/**
 * Binds a lesson's {@code steps:} to {@link ScriptStep}s: each list item is one step key (the
 * action) with its arguments, plus an optional {@code say:}, and its {@link StepKinds} entry reads
 * the arguments. Names are checked in file order, so a step that uses an object no earlier step
 * created is refused before anything runs.
 */
final class StepBinder {
  private final LessonTree tree;
  private final Set<String> hosts;
  private final Set<String> names = new HashSet<>();

  StepBinder(LessonTree tree, Set<String> hosts) {
    this.tree = tree;
    this.hosts = hosts;
  }

  List<ScriptStep> steps(JsonNode node, String path, boolean inCallback) {
    List<ScriptStep> steps = new ArrayList<>();
    List<JsonNode> items = tree.list(node, path);
    for (int i = 0; i < items.size(); i++) {
      ScriptStep step = step(items.get(i), LessonTree.index(path, i), inCallback);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
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

  private ScriptStep step(JsonNode item, String path, boolean inCallback) {
    String action;
    JsonNode args = null;
    String say = null;
    if (item.isString()) {
      action = item.asString();
    } else if (item.isObject()) {
      List<String> keys = new ArrayList<>();
      item.propertyNames().forEach(keys::add);
      keys.remove("say");
      if (keys.size() != 1) {
        tree.problem(
            path,
            "a step is one action key (and optionally 'say'); '"
                + path
                + "' has "
                + (keys.isEmpty() ? "none" : String.join(", ", keys)));
        return null;
      }
      action = keys.get(0);
      args = item.get(action);
      say = tree.text(item.get("say"), LessonTree.join(path, "say"), null);
    } else {
      tree.problem(
          path, "a step must be an action such as 'close: qp', got " + LessonTree.describe(item));
      return null;
    }
    StepKinds.Kind kind = StepKinds.of(action);
    if (kind == null) {
      tree.keyProblem(
          LessonTree.join(path, action),
          "unknown step '" + action + "' (known: " + String.join(", ", StepKinds.names()) + ")");
      return null;
    }
    String at = item.isObject() ? LessonTree.join(path, action) : path;
    Step step = bind(kind, args, at, inCallback);
    if (step == null) {
      return null;
    }
    if (inCallback && !(step instanceof Step.Call)) {
      tree.problem(at, "inside whenNotified only calls are allowed, not '" + action + "'");
    }
    return new ScriptStep(step, say, tree.where(path));
  }

  /**
   * Reads a step's arguments through its entry, then reports the keys the entry did not read and
   * makes the names it declared known to the steps after it.
   */
  private Step bind(StepKinds.Kind kind, JsonNode args, String at, boolean inCallback) {
    String primary = kind.primary();
    boolean mapping = args != null && args.isObject() && !StepArgs.VALUE.equals(primary);
    boolean absent = args == null || args.isNull();
    if (!mapping && !absent && primary == null) {
      // What the step takes is the keys its entry reads from an empty mapping.
      StepArgs probe = new StepArgs(LessonTree.silent(), this, null, null, null, at, inCallback);
      kind.binding().bind(probe);
      tree.problem(
          at,
          "'"
              + at
              + "' takes a mapping of "
              + String.join(", ", probe.keysRead())
              + "; got "
              + LessonTree.describe(args));
      return null;
    }
    StepArgs a =
        new StepArgs(
            tree, this, mapping ? args : null, mapping ? null : args, primary, at, inCallback);
    Step step = kind.binding().bind(a);
    if (mapping) {
      tree.onlyKeys(args, at, a.keysRead());
    }
    names.addAll(a.declared());
    return step;
  }
}
