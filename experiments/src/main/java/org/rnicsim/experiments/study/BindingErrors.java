package org.rnicsim.experiments.study;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rnicsim.experiments.profile.ProfileKeys;
import org.rnicsim.experiments.profile.ProfileValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.JacksonYAMLParseException;

/**
 * Turns Jackson's parse and binding exceptions into messages for people who write study files: key
 * paths instead of Java class names, "a whole number" instead of {@code java.lang.Integer}.
 */
final class BindingErrors {
  /** How the parser words a key that appears twice in one mapping. */
  private static final Pattern DUPLICATE_KEY =
      Pattern.compile("Duplicate Object property \"(.*)\"");

  /** How Jackson says a record's component has no key at all. */
  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("Missing (?:required )?creator property '([^']*)'");

  private final List<String> workloadKinds;

  BindingErrors(List<String> workloadKinds) {
    this.workloadKinds = List.copyOf(workloadKinds);
  }

  /**
   * The problem {@code e} describes, located through {@code source}: at the parser's position when
   * it read a file, else where the value at the exception's path was written.
   */
  ConfigProblem toProblem(JacksonException e, SourceMap source) {
    String path = pathOf(e.getPath());
    if (path.isEmpty() && e instanceof StreamReadException read && read.processor() != null) {
      // Stream errors carry no path of their own; the parser still knows where it was.
      path = SourceMap.pathOf(read.processor().streamReadContext());
    }
    String file = source.mainSource();
    if (e instanceof JacksonYAMLParseException) {
      YamlSyntaxMessage syntax = YamlSyntaxMessage.parse(e.getOriginalMessage());
      if (syntax != null) {
        return new ConfigProblem(
            file, syntax.line(), syntax.column(), path, "syntax error: " + syntax.text());
      }
    }
    String message = messageFor(e, path);
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      // The model's own checks name the component first: point at its value.
      path = componentPath(path, ((ValueInstantiationException) e).getType().getRawClass(), e);
    }
    // An unknown key is best shown where the key is written; Jackson reports where its value
    // starts. Values bound from a merged tree have no file position of their own.
    Origin origin = e instanceof UnrecognizedPropertyException ? source.keyPositionOf(path) : null;
    if (e instanceof InvalidTypeIdException badKind) {
      // A wrong kind is shown at its value; a missing one where the mapping that lacks it starts.
      boolean missing = badKind.getTypeId() == null || badKind.getTypeId().isEmpty();
      origin = missing ? source.keyPositionOf(path) : source.positionOf(join(path, "kind"));
    }
    if (origin == null || isStart(origin)) {
      Origin parsed = SourceMap.originOf(file, e.getLocation());
      if (parsed != null) {
        origin = parsed;
      }
    }
    if (origin == null) {
      origin = source.positionOf(path);
    }
    return origin.problem(path, message);
  }

  private static String componentPath(String path, Class<?> type, JacksonException e) {
    String first = String.valueOf(e.getCause().getMessage()).split(" ", 2)[0];
    String field = first.substring(first.lastIndexOf('.') + 1);
    if (type.isRecord()) {
      for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(field)) {
          return join(path, ProfileKeys.keyOf(field));
        }
      }
    }
    return path;
  }

  private static boolean isStart(Origin origin) {
    return origin.line() == 1 && origin.column() == 1;
  }

  private String messageFor(JacksonException e, String path) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + path + "' (known: " + known(unknown.getKnownPropertyIds()) + ")";
    }
    if (e instanceof InvalidTypeIdException badKind) {
      String kinds = String.join(", ", workloadKinds);
      if (badKind.getTypeId() == null || badKind.getTypeId().isEmpty()) {
        return "missing key '" + join(path, "kind") + "' (one of: " + kinds + ")";
      }
      return "unknown kind '"
          + badKind.getTypeId()
          + "' at '"
          + join(path, "kind")
          + "' (known: "
          + kinds
          + ")";
    }
    if (e instanceof ProfileValueException value) {
      return value.messageAt(path);
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return "'" + path + "' is not possible: " + e.getCause().getMessage();
    }
    Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
    if (missing.find()) {
      boolean named = path.equals(missing.group(1)) || path.endsWith("." + missing.group(1));
      return "missing key '" + (named ? path : join(path, missing.group(1))) + "'";
    }
    if (e instanceof MismatchedInputException mismatch) {
      return wrongType(mismatch, path);
    }
    if (e instanceof StreamReadException) {
      String text = firstSentence(e.getOriginalMessage());
      Matcher duplicate = DUPLICATE_KEY.matcher(text);
      if (duplicate.find()) {
        return "duplicate key '" + (path.isEmpty() ? duplicate.group(1) : path) + "'";
      }
      if (text.startsWith("Numeric value")) {
        return "number out of range at '" + path + "': " + text;
      }
      return "syntax error: " + text;
    }
    return "cannot read: " + firstSentence(e.getOriginalMessage());
  }

  private static String wrongType(MismatchedInputException e, String path) {
    if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      return "more than one document in the file; a study file holds exactly one";
    }
    String where = path.isEmpty() ? "the top level" : "'" + path + "'";
    String expected = describeType(e.getTargetType());
    String got;
    if (e.getTargetType() == String.class && isNumber(e.getCurrentToken())) {
      return "wrong type at "
          + where
          + ": expected a text value, got a bare number (durations, sizes and rates need a unit,"
          + " such as \"1us\" or \"4KiB\")";
    }
    if (e instanceof InvalidFormatException format) {
      got = describeValue(format.getValue());
    } else if (e.getCurrentToken() != null) {
      got = describeToken(e.getCurrentToken());
    } else {
      return "wrong type at " + where + ": expected " + expected;
    }
    return "wrong type at " + where + ": expected " + expected + ", got " + got;
  }

  private static boolean isNumber(JsonToken token) {
    return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
  }

  static String describeType(Class<?> type) {
    if (type == null) {
      return "a different kind of value";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isEnum()) {
      return ProfileKeys.expectedForm("", type);
    }
    return "a mapping of keys";
  }

  private static String describeToken(JsonToken token) {
    switch (token) {
      case START_OBJECT:
      case END_OBJECT:
      case PROPERTY_NAME:
        return "a mapping of keys";
      case START_ARRAY:
      case END_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a text value";
      case VALUE_NUMBER_INT:
        return "a whole number";
      case VALUE_NUMBER_FLOAT:
        return "a fractional number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "true or false";
      case VALUE_NULL:
        return "nothing (null)";
      default:
        return token.name().toLowerCase(Locale.ROOT);
    }
  }

  private static String describeValue(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    return String.valueOf(value);
  }

  static String pathOf(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "none";
    }
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /**
   * Parser messages run to several lines with a source excerpt and Java details; the first line,
   * without the parser's own location text, says what matters.
   */
  static String firstSentence(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable content";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    int at = line.indexOf(" at [Source");
    if (at > 0) {
      line = line.substring(0, at);
    }
    return line;
  }
}
