package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Key paths such as {@code run.replications} or {@code workload.loads[1]}: the names {@code --set}
 * and sweep axes use for a place in the configuration, and the names every message uses for it.
 */
public final class ConfigPath {
  private static final Pattern STEP =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d{1,6}])*)");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private ConfigPath() {}

  /** Whether {@code path} is well formed: keys separated by dots, each with optional indices. */
  public static boolean isValid(String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    for (String part : path.split("\\.", -1)) {
      if (!STEP.matcher(part).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code key} can be one key of a path: a letter or '_', then letters, digits, - or _.
   */
  public static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The steps of a valid path: a String per key, an Integer per index. */
  static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher step = STEP.matcher(part);
      if (!step.matches()) {
        throw new IllegalArgumentException("not a key path: " + path);
      }
      steps.add(step.group(1));
      Matcher index = INDEX.matcher(step.group(2));
      while (index.find()) {
        steps.add(Integer.parseInt(index.group(1)));
      }
    }
    return steps;
  }

  /** The child of {@code node} at one step, or null. */
  static JsonNode child(JsonNode node, Object step) {
    if (step instanceof String key) {
      return node instanceof ObjectNode object ? object.get(key) : null;
    }
    int index = (Integer) step;
    return node instanceof ArrayNode array && index < array.size() ? array.get(index) : null;
  }

  /** The value at {@code path}, or null. */
  public static JsonNode get(JsonNode root, String path) {
    JsonNode node = root;
    for (Object step : steps(path)) {
      node = node == null ? null : child(node, step);
    }
    return node;
  }

  /**
   * Puts {@code value} at {@code path}, creating mappings on the way; returns null on success, or
   * why the path cannot hold a value (a list index past the end, a key inside a number).
   */
  public static String set(ObjectNode root, String path, JsonNode value) {
    List<Object> steps = steps(path);
    JsonNode node = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step instanceof String key) {
        if (!(node instanceof ObjectNode object)) {
          return "'" + walked + "' is not a mapping of keys, so it has no key '" + key + "'";
        }
        if (walked.length() > 0) {
          walked.append('.');
        }
        walked.append(key);
        if (last) {
          object.set(key, value);
          return null;
        }
        JsonNode next = object.get(key);
        if (next == null || next.isNull()) {
          next = steps.get(i + 1) instanceof String ? object.putObject(key) : null;
          if (next == null) {
            return "there is no list at '"
                + walked
                + "' to index into; give the whole list ("
                + walked
                + "=[...])";
          }
        }
        node = next;
      } else {
        int index = (Integer) step;
        if (!(node instanceof ArrayNode array)) {
          return "'" + walked + "' is not a list";
        }
        if (index >= array.size()) {
          return "'"
              + walked
              + "' has "
              + array.size()
              + " entries, so there is no ["
              + index
              + "]";
        }
        walked.append('[').append(index).append(']');
        if (last) {
          array.set(index, value);
          return null;
        }
        node = array.get(index);
      }
    }
    return null;
  }
}
