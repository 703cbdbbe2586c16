package org.rnicsim.experiments.profile;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rnicsim.engine.Units;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Binds a YAML profile file to {@link HardwareProfile}.
 *
 * <p>The file mirrors the record tree. A component's key is its name without its unit suffix, and
 * the suffix says how the value is read:
 *
 * <ul>
 *   <li>{@code ...Ps}: a duration, e.g. {@code flightLatency: 125ns}
 *   <li>{@code ...PsPerByte}: a duration per byte, key ending in {@code PerByte}, e.g. {@code
 *       readCompleterLatencyPerByte: 142ps}
 *   <li>{@code ...Bytes}: a size, e.g. {@code mtu: 4KiB}
 *   <li>{@code ...BitsPerSecond}: a rate, e.g. {@code rate: 100Gbps}
 *   <li>anything else: a plain count, number, boolean, enum constant (any case) or text
 * </ul>
 *
 * <p>Every key must be known and every component present; a problem is reported with file, line,
 * column and key path, never as a stack trace.
 */
public final class ProfileLoader {
  private static final List<String> UNIT_SUFFIXES =
      List.of("BitsPerSecond", "PsPerByte", "Ps", "Bytes");

  private ProfileLoader() {}

  /** Loads and validates a profile file. */
  public static HardwareProfile load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProfileException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(yaml, file.toString());
  }

  /** Binds profile text; {@code source} names it in messages. */
  public static HardwareProfile parse(String yaml, String source) {
    Map<String, YamlTree.Entry> root = YamlTree.parse(yaml, source);
    return bind(HardwareProfile.class, root, "", source, 1, 1);
  }

  /** The YAML key of a record component: its name without the unit suffix. */
  public static String keyOf(String componentName) {
    if (componentName.endsWith("PsPerByte")) {
      return componentName.substring(0, componentName.length() - "PsPerByte".length()) + "PerByte";
    }
    for (String suffix : UNIT_SUFFIXES) {
      if (componentName.endsWith(suffix) && componentName.length() > suffix.length()) {
        return componentName.substring(0, componentName.length() - suffix.length());
      }
    }
    return componentName;
  }

  private static <R extends Record> R bind(
      Class<R> type,
      Map<String, YamlTree.Entry> mapping,
      String path,
      String source,
      int line,
      int column) {
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known = new LinkedHashSet<>();
    for (RecordComponent component : components) {
      known.add(keyOf(component.getName()));
    }
    for (Map.Entry<String, YamlTree.Entry> entry : mapping.entrySet()) {
      if (!known.contains(entry.getKey())) {
        YamlTree.Entry at = entry.getValue();
        throw new ProfileException(
            where(source, at.line(), at.column(), path + entry.getKey())
                + "unknown key (known here: "
                + String.join(", ", known)
                + ")");
      }
    }
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String key = keyOf(component.getName());
      types[i] = component.getType();
      YamlTree.Entry entry = mapping.get(key);
      if (entry == null) {
        throw new ProfileException(where(source, line, column, path + key) + "missing");
      }
      values[i] = value(component, entry, path + key, source);
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new ProfileException(
          where(
                  source,
                  line,
                  column,
                  path.isEmpty() ? "profile" : path.substring(0, path.length() - 1))
              + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object value(
      RecordComponent component, YamlTree.Entry entry, String path, String source) {
    Class<?> type = component.getType();
    if (type.isRecord()) {
      if (!entry.isMapping()) {
        throw new ProfileException(
            where(source, entry.line(), entry.column(), path) + "expected a mapping of keys");
      }
      return bind(
          (Class<? extends Record>) type,
          entry.mapping(),
          path + ".",
          source,
          entry.line(),
          entry.column());
    }
    if (entry.isMapping()) {
      throw new ProfileException(
          where(source, entry.line(), entry.column(), path) + "expected a value, not a mapping");
    }
    try {
      return scalar(component, entry.text());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProfileException(
          where(source, entry.line(), entry.column(), path) + e.getMessage(), e);
    }
  }

  /**
   * The value of a scalar {@code component} written as {@code text}, read as its name's unit suffix
   * says (see the class comment). Study files override profile values through this, so a value
   * means the same in a profile and in a study.
   *
   * @throws IllegalArgumentException with a message for people when the text does not fit
   * @throws ArithmeticException when a whole number does not fit the component's type
   */
  public static Object scalar(RecordComponent component, String text) {
    Class<?> type = component.getType();
    String name = component.getName();
    String trimmed = text.trim();
    if (type == long.class || type == int.class) {
      long parsed = parseLong(name, trimmed);
      return type == int.class ? (Object) Math.toIntExact(parsed) : (Object) parsed;
    }
    if (type == double.class) {
      try {
        return Double.parseDouble(trimmed.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number, not \"" + trimmed + "\"");
      }
    }
    if (type == boolean.class) {
      if (!trimmed.equals("true") && !trimmed.equals("false")) {
        throw new IllegalArgumentException("expected true or false, not \"" + trimmed + "\"");
      }
      return Boolean.parseBoolean(trimmed);
    }
    if (type == String.class) {
      return trimmed;
    }
    if (type.isEnum()) {
      return enumConstant(type, trimmed);
    }
    throw new IllegalStateException("no reader for " + type + " of " + name);
  }

  /** What a value of {@code component} looks like, for messages and the study schema. */
  public static String expectedForm(RecordComponent component) {
    Class<?> type = component.getType();
    String name = component.getName();
    if (name.endsWith("BitsPerSecond")) {
      return "a rate with a unit, such as 100Gbps";
    }
    if (name.endsWith("PsPerByte")) {
      return "a duration per byte with a unit, such as 142ps";
    }
    if (name.endsWith("Ps")) {
      return "a duration with a unit, such as 125ns";
    }
    if (name.endsWith("Bytes")) {
      return "a size with a unit, such as 4KiB";
    }
    if (type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == double.class) {
      return "a number";
    }
    if (type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      StringBuilder known = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        known.append(i == 0 ? "" : ", ");
        known.append(((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT));
      }
      return known.toString();
    }
    return "text";
  }

  /** Whether values of {@code component} carry a unit and so are written as text. */
  public static boolean hasUnit(RecordComponent component) {
    String name = component.getName();
    return (component.getType() == long.class || component.getType() == int.class)
        && (name.endsWith("BitsPerSecond")
            || name.endsWith("Ps")
            || name.endsWith("PsPerByte")
            || name.endsWith("Bytes"));
  }

  private static long parseLong(String componentName, String text) {
    if (componentName.endsWith("BitsPerSecond")) {
      return Units.parseBitsPerSecond(text);
    }
    if (componentName.endsWith("Ps") || componentName.endsWith("PsPerByte")) {
      return Units.parseDurationPs(text);
    }
    if (componentName.endsWith("Bytes")) {
      return Units.parseBytes(text);
    }
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, not \"" + text + "\"");
    }
  }

  private static Object enumConstant(Class<?> type, String text) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Object constant : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "" : ", ");
      known.append(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException("unknown value \"" + text + "\" (known: " + known + ")");
  }

  private static String where(String source, int line, int column, String path) {
    return source + ":" + line + ":" + column + ": " + path + ": ";
  }
}
