package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a merged configuration tree to a record and reports every binding problem, not just the
 * first: Jackson stops at the first unknown key or wrong type, so each refused value is recorded,
 * cut out of a copy of the tree, and binding is tried again. What was cut reads as missing
 * afterwards, and validation is told not to report it twice.
 */
final class TreeBinder {
  /** A file with more binding problems than this has bigger trouble than a list can show. */
  private static final int MAX_PROBLEMS = 50;

  private final ObjectMapper mapper;
  private final BindingErrors errors;

  TreeBinder(ObjectMapper mapper, BindingErrors errors) {
    this.mapper = mapper;
    this.errors = errors;
  }

  /**
   * What binding gave, with the problems found on the way and the paths that were cut.
   *
   * @param value the bound record, null when the tree could not be bound at all
   */
  record Bound<T>(T value, List<ConfigProblem> problems, Set<String> refusedPaths) {}

  <T> Bound<T> bind(ObjectNode tree, Class<T> type, SourceMap source) {
    ObjectNode attempt = tree.deepCopy();
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> refused = new LinkedHashSet<>();
    while (true) {
      try {
        return new Bound<>(mapper.treeToValue(attempt, type), problems, refused);
      } catch (JacksonException e) {
        problems.add(errors.toProblem(e, source));
        String path = BindingErrors.pathOf(e.getPath());
        boolean cut =
            !path.isEmpty()
                && problems.size() < MAX_PROBLEMS
                && refused.add(path)
                && cut(attempt, path, e instanceof UnrecognizedPropertyException);
        if (!cut) {
          return new Bound<>(null, problems, refused);
        }
      }
    }
  }

  /**
   * Removes the value at {@code path}: an unknown key goes, a list element becomes null so the
   * indices of the others (and so their positions) stay.
   */
  private static boolean cut(ObjectNode root, String path, boolean unknownKey) {
    List<Object> steps = ConfigPath.steps(path);
    JsonNode parent = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      parent = ConfigPath.child(parent, steps.get(i));
      if (parent == null) {
        return false;
      }
    }
    Object last = steps.get(steps.size() - 1);
    if (parent instanceof ObjectNode object && last instanceof String key && object.has(key)) {
      if (unknownKey) {
        object.remove(key);
      } else {
        object.putNull(key);
      }
      return true;
    }
    if (parent instanceof ArrayNode array && last instanceof Integer index) {
      if (index < array.size()) {
        array.set(index, array.nullNode());
        return true;
      }
    }
    return false;
  }
}
