package org.rnicsim.experiments.lesson;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The arguments of one step: a mapping ({@code createCq: {as: cq, depth: 64}}), or for steps with a
 * main argument a bare value ({@code close: qp}). Unknown keys are reported once, here.
 */
final class StepArgs {
  private final LessonTree tree;
  private final JsonNode mapping;
  private final JsonNode bare;
  private final String primary;
  final String path;

  private StepArgs(LessonTree tree, JsonNode mapping, JsonNode bare, String primary, String path) {
    this.tree = tree;
    this.mapping = mapping;
    this.bare = bare;
    this.primary = primary;
    this.path = path;
  }

  /**
   * @param primary the key a bare value stands for, or null if the step needs a mapping
   * @param keys every key the step takes
   */
  static StepArgs of(
      LessonTree tree, JsonNode args, String path, String primary, Set<String> keys) {
    if (args != null && args.isObject()) {
      tree.onlyKeys(args, path, keys);
      return new StepArgs(tree, args, null, primary, path);
    }
    if (args == null || args.isNull()) {
      return new StepArgs(tree, null, null, primary, path);
    }
    if (primary == null) {
      tree.problem(
          path,
          "'"
              + path
              + "' takes a mapping of "
              + String.join(", ", keys)
              + "; got "
              + LessonTree.describe(args));
      return new StepArgs(tree, null, null, null, path);
    }
    return new StepArgs(tree, null, args, primary, path);
  }

  /** The value of {@code key}, or null. */
  JsonNode get(String key) {
    if (mapping != null) {
      return mapping.get(key);
    }
    return key.equals(primary) ? bare : null;
  }

  /** Where {@code key}'s value is (or would be) written. */
  String at(String key) {
    return mapping != null ? LessonTree.join(path, key) : path;
  }

  boolean has(String key) {
    JsonNode value = get(key);
    return value != null && !value.isNull();
  }

  String name(String key) {
    return tree.name(get(key), at(key));
  }

  String optionalName(String key) {
    return tree.optionalName(get(key), at(key));
  }

  long integer(String key, long min, long max, long fallback) {
    return tree.integer(get(key), at(key), min, max, fallback);
  }

  long duration(String key, long fallback) {
    return tree.duration(get(key), at(key), fallback);
  }

  long bytes(String key, long fallback) {
    return tree.bytes(get(key), at(key), fallback);
  }

  boolean bool(String key, boolean fallback) {
    return tree.bool(get(key), at(key), fallback);
  }
}
