package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rnicsim.ndk.consumer.ScriptStep;
import tools.jackson.databind.JsonNode;

/**
 * The arguments of one step as its {@link StepKinds} entry reads them: a mapping ({@code createCq:
 * {as: cq, depth: 64}}), for steps with a main argument a bare value ({@code close: qp}), or for
 * steps that take one value ({@code runFor: 5us}) that value. Every key an entry reads is a key the
 * step takes, so the unknown keys are found afterwards without a second list; names an entry
 * declares become usable by the steps after this one.
 */
final class StepArgs {
  /** The primary key of a step whose argument is its one value, not a mapping. */
  static final String VALUE = "";

  private final LessonTree tree;
  private final StepBinder binder;
  private final JsonNode mapping;
  private final JsonNode bare;
  private final String primary;
  private final String path;
  private final boolean inCallback;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<String> declared = new ArrayList<>();

  StepArgs(
      LessonTree tree,
      StepBinder binder,
      JsonNode mapping,
      JsonNode bare,
      String primary,
      String path,
      boolean inCallback) {
    this.tree = tree;
    this.binder = binder;
    this.mapping = mapping;
    this.bare = bare;
    this.primary = primary;
    this.path = path;
    this.inCallback = inCallback;
  }

  /** Where the step's arguments are written. */
  String path() {
    return path;
  }

  /** Whether the step stands inside {@code whenNotified}. */
  boolean inCallback() {
    return inCallback;
  }

  /** Every key the entry read, in the order it read them. */
  Set<String> keysRead() {
    return read;
  }

  /** The names the step declared. */
  List<String> declared() {
    return declared;
  }

  void problem(String at, String message) {
    tree.problem(at, message);
  }

  /** The step's one value, for a step registered with {@link #VALUE}. */
  JsonNode value() {
    return bare;
  }

  /** The value of {@code key}, or null. */
  JsonNode get(String key) {
    read.add(key);
    if (mapping != null) {
      return mapping.get(key);
    }
    return key.equals(primary) ? bare : null;
  }

  /** Where {@code key}'s value is (or would be) written. */
  String at(String key) {
    read.add(key);
    return mapping != null ? LessonTree.join(path, key) : path;
  }

  boolean has(String key) {
    JsonNode value = get(key);
    return value != null && !value.isNull();
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

  /** One of {@code choices}, or null after a problem. */
  <E> E choice(String key, Map<String, E> choices) {
    return tree.choice(get(key), at(key), choices);
  }

  /** One of {@code choices} for an item of a list the step takes, or null after a problem. */
  <E> E choiceOf(JsonNode item, String at, Map<String, E> choices) {
    return tree.choice(item, at, choices);
  }

  /** A list at {@code key}; a missing one is empty. */
  List<JsonNode> list(String key) {
    return tree.list(get(key), at(key));
  }

  /** The nested steps at {@code key}, checked in order like the top-level ones. */
  List<ScriptStep> steps(String key, boolean inCallback) {
    return binder.steps(get(key), at(key), inCallback);
  }

  /** The step's one value as a duration, which must be given. */
  long requiredDuration() {
    if (bare == null || bare.isNull()) {
      tree.problem(path, "'" + path + "' needs a value");
    }
    return tree.duration(bare, path, 0);
  }

  /** A new object name: reported if it is missing or taken. */
  String declare(String key) {
    String name = tree.name(get(key), at(key));
    if (!name.isEmpty() && (binder.isNamed(name) || declared.contains(name))) {
      tree.problem(at(key), "the name '" + name + "' is already taken by an earlier step");
    } else if (!name.isEmpty()) {
      declared.add(name);
    }
    return name;
  }

  /** A reference to an object an earlier step named. */
  String use(String key) {
    String name = tree.name(get(key), at(key));
    if (!name.isEmpty() && !binder.isNamed(name)) {
      Set<String> known = new TreeSet<>(binder.names());
      tree.problem(
          at(key),
          "no earlier step created an object named '"
              + name
              + "'"
              + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"));
    }
    return name;
  }

  /** A reference to an object an earlier step named, or null when the key is absent. */
  String useIfGiven(String key) {
    return has(key) ? use(key) : null;
  }

  /** A host of the script, which must be given. */
  String host(String key) {
    String host = tree.name(get(key), at(key));
    return host.isEmpty() ? host : knownHost(key, host);
  }

  /** A host of the script, or null when the key is absent. */
  String hostIfGiven(String key) {
    String host = tree.optionalName(get(key), at(key));
    return host == null ? null : knownHost(key, host);
  }

  private String knownHost(String key, String host) {
    if (!binder.hosts().contains(host)) {
      tree.problem(at(key), "no host is named '" + host + "' (hosts: " + binder.hosts() + ")");
    }
    return host;
  }
}
