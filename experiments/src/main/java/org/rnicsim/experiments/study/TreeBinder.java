package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.experiments.profile.ProfileModule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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
  record Bound<T>(
      T value,
      List<ConfigProblem> problems,
      Set<String> refusedPaths,
      Map<String, Problems.StandIn> tooLarge) {
    /** The problems of validation, told which values were refused or stood in for. */
    Problems problemsFor(SourceMap source) {
      Problems problems = new Problems(source, refusedPaths);
      problems.standIns(tooLarge);
      return problems;
    }
  }

  /** How Jackson says a whole number does not fit the record's {@code int} or {@code long}. */
  private static final Pattern OUT_OF_RANGE =
      Pattern.compile("Numeric value \\((-?[0-9]+)\\) out of range of `?(int|long)\\b");

  <T> Bound<T> bind(ObjectNode tree, Class<T> type, SourceMap source) {
    ObjectNode attempt = tree.deepCopy();
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> refused = new LinkedHashSet<>();
    Map<String, Problems.StandIn> tooLarge = new LinkedHashMap<>();
    while (true) {
      try {
        Set<String> cut = Set.copyOf(refused);
        T value =
            mapper
                .readerFor(type)
                .withAttribute(
                    ProfileModule.CUT_VALUES,
                    (Predicate<TokenStreamContext>)
                        context -> cut.contains(SourceMap.pathOf(context)))
                .readValue(attempt);
        return new Bound<>(value, problems, refused, tooLarge);
      } catch (JacksonException e) {
        String path = BindingErrors.pathOf(e.getPath());
        if (standIn(attempt, path, e, tooLarge)) {
          continue;
        }
        if (refused.contains(path) || enclosesRefused(path, refused)) {
          // A record cannot be built because a value inside it was cut: already said.
          return new Bound<>(null, problems, refused, tooLarge);
        }
        problems.add(errors.toProblem(e, source));
        boolean cut =
            !path.isEmpty()
                && problems.size() < MAX_PROBLEMS
                && refused.add(path)
                && cut(attempt, path, e instanceof UnrecognizedPropertyException);
        if (!cut) {
          return new Bound<>(null, problems, refused, tooLarge);
        }
      }
    }
  }

  private static boolean enclosesRefused(String path, Set<String> refused) {
    for (String cut : refused) {
      if (path.isEmpty() || cut.startsWith(path + ".") || cut.startsWith(path + "[")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A whole number too large for its Java type is replaced by the type's limit and remembered, so
   * that validation reports it with the key's own range ("must be between 1 and 16384") and the
   * number as written, rather than the range of an {@code int}.
   */
  private static boolean standIn(
      ObjectNode attempt, String path, JacksonException e, Map<String, Problems.StandIn> tooLarge) {
    Matcher range = OUT_OF_RANGE.matcher(String.valueOf(e.getOriginalMessage()));
    if (path.isEmpty() || tooLarge.containsKey(path) || !range.find()) {
      return false;
    }
    boolean negative = range.group(1).startsWith("-");
    boolean isInt = range.group(2).equals("int");
    long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
    JsonNode limit =
        isInt
            ? JsonNodeFactory.instance.numberNode((int) (negative ? min : max))
            : JsonNodeFactory.instance.numberNode(negative ? min : max);
    if (ConfigPath.set(attempt, path, limit) != null) {
      return false;
    }
    tooLarge.put(path, new Problems.StandIn(range.group(1), min, max));
    return true;
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
