package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnicsim.engine.Units;
import org.rnicsim.engine.UnitsException;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.SourceMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads values out of a lesson file's parsed tree, collecting a located problem for every value
 * that is missing, of the wrong type or out of range instead of stopping at the first. Each getter
 * returns a usable fallback after recording a problem, so binding goes on and finds the rest.
 *
 * <p>A lesson file keeps its own list of problems; a study's script and provider section report
 * into the study's {@link Problems}, so they are located and sorted with every other problem of the
 * study.
 */
final class LessonTree {
  private final SourceMap source;
  private final Problems study;
  private final List<ConfigProblem> problems = new ArrayList<>();

  LessonTree(SourceMap source) {
    this.source = source;
    this.study = null;
  }

  private LessonTree() {
    this.source = null;
    this.study = null;
  }

  /** A tree that records no problems, for learning which keys a binding reads. */
  static LessonTree silent() {
    return new LessonTree();
  }

  /** A tree of a study file, whose problems go to {@code study}. */
  LessonTree(Problems study) {
    this.source = null;
    this.study = study;
  }

  /** The lesson's problems (a study's go to its {@link Problems}). */
  List<ConfigProblem> problems() {
    return problems;
  }

  /** Records a problem at the value of {@code path}. */
  void problem(String path, String message) {
    if (source == null && study == null) {
      return;
    }
    if (study != null) {
      study.report(path, message);
    } else {
      problems.add(source.positionOf(path).problem(path, message));
    }
  }

  /** Records a problem at the key of {@code path} (an unknown key). */
  void keyProblem(String path, String message) {
    if (source == null && study == null) {
      return;
    }
    if (study != null) {
      study.reportKey(path, message);
    } else {
      problems.add(source.keyPositionOf(path).problem(path, message));
    }
  }

  /** Where the value at {@code path} was written, as {@code file:line}, for a step's messages. */
  String where(String path) {
    Origin origin = study != null ? study.originOf(path) : source.positionOf(path);
    return origin.source() + ":" + origin.line();
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** Reports every key of the mapping at {@code path} that is not in {@code known}. */
  void onlyKeys(JsonNode node, String path, Set<String> known) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (!known.contains(key)) {
        keyProblem(
            join(path, key),
            "unknown key '" + join(path, key) + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** A required text value. */
  String text(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      problem(path, "'" + path + "' is missing");
      return "";
    }
    if (!node.isString()) {
      problem(path, "'" + path + "' must be text, got " + describe(node));
      return "";
    }
    return node.asString();
  }

  /** An optional text value, or {@code fallback}. */
  String text(JsonNode node, String path, String fallback) {
    return node == null || node.isNull() ? fallback : text(node, path);
  }

  /** A name of an object: a word of letters, digits, '-' and '_'. */
  String name(JsonNode node, String path) {
    String value = text(node, path);
    if (!value.isEmpty() && !value.matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) {
      problem(
          path,
          "'"
              + path
              + "' must be a name (a letter, then letters, digits, '-' or '_'), got '"
              + value
              + "'");
    }
    return value;
  }

  /** An optional name, or null. */
  String optionalName(JsonNode node, String path) {
    return node == null || node.isNull() ? null : name(node, path);
  }

  /** A whole number in [min, max]. */
  long integer(JsonNode node, String path, long min, long max, long fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber()) {
      problem(path, "'" + path + "' must be a whole number, got " + describe(node));
      return fallback;
    }
    long value = node.asLong();
    if (value < min || value > max) {
      problem(
          path, "'" + path + "' must be between " + min + " and " + max + " (got " + value + ")");
      return fallback;
    }
    return value;
  }

  /** A duration with a unit ("5us"), in picoseconds; {@code fallback} when absent. */
  long duration(JsonNode node, String path, long fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isString()) {
      problem(
          path,
          "'" + path + "' must be a duration with a unit, such as \"5us\"; got " + describe(node));
      return fallback;
    }
    try {
      long ps = Units.parseDurationPs(node.asString());
      if (ps < 0) {
        problem(path, "'" + path + "' must not be negative");
        return fallback;
      }
      return ps;
    } catch (UnitsException e) {
      problem(path, "bad duration at '" + path + "': " + e.getMessage());
      return fallback;
    }
  }

  /** A size with a unit ("64B", "4KiB"), in bytes. */
  long bytes(JsonNode node, String path, long fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isString()) {
      problem(
          path,
          "'" + path + "' must be a size with a unit, such as \"64B\"; got " + describe(node));
      return fallback;
    }
    try {
      return Units.parseBytes(node.asString());
    } catch (UnitsException e) {
      problem(path, "bad size at '" + path + "': " + e.getMessage());
      return fallback;
    }
  }

  boolean bool(JsonNode node, String path, boolean fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problem(path, "'" + path + "' must be true or false, got " + describe(node));
      return fallback;
    }
    return node.asBoolean();
  }

  /** One of {@code choices} (compared ignoring case), or null after a problem. */
  <E> E choice(JsonNode node, String path, Map<String, E> choices) {
    String value = text(node, path);
    for (Map.Entry<String, E> choice : choices.entrySet()) {
      if (choice.getKey().equalsIgnoreCase(value)) {
        return choice.getValue();
      }
    }
    if (!value.isEmpty()) {
      problem(
          path,
          "'"
              + path
              + "' must be one of "
              + String.join(", ", choices.keySet())
              + " (got '"
              + value
              + "')");
    }
    return null;
  }

  /** A list (or a missing value, as an empty list); a problem if it is something else. */
  List<JsonNode> list(JsonNode node, String path) {
    List<JsonNode> items = new ArrayList<>();
    if (node == null || node.isNull()) {
      return items;
    }
    if (!node.isArray()) {
      problem(path, "'" + path + "' must be a list, got " + describe(node));
      return items;
    }
    node.forEach(items::add);
    return items;
  }

  /** A mapping, or null after a problem. */
  JsonNode mapping(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problem(path, "'" + path + "' must be a mapping of keys, got " + describe(node));
      return null;
    }
    return node;
  }

  static String describe(JsonNode node) {
    if (node.isString()) {
      return "the text '" + node.asString() + "'";
    }
    if (node.isNumber()) {
      return "the number " + node.asString();
    }
    if (node.isBoolean()) {
      return node.asString();
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return "nothing";
  }
}
