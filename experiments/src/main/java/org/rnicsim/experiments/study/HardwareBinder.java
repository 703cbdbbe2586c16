package org.rnicsim.experiments.study;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.rnicsim.experiments.profile.ProfileLoader;
import org.rnicsim.model.profile.HardwareProfile;
import tools.jackson.databind.JsonNode;

/**
 * Binds the merged {@code hardware} section of a study (a profile's values with the study's and the
 * command line's overrides on top) to the model's {@link HardwareProfile}. Keys and units follow
 * the profile files exactly ({@link ProfileLoader}), so a value means the same in a profile and in
 * a study; every problem is reported at the value that was written, in whichever layer won.
 */
final class HardwareBinder {
  private HardwareBinder() {}

  /**
   * The profile the section describes, or null after reporting why there is none.
   *
   * @param name the profile's name, as the study gave it
   * @param section the section's mappings by key ({@code host}, {@code pcie}, ...)
   * @param path where the section is, {@code hardware}
   */
  static HardwareProfile bind(
      String name, Map<String, JsonNode> section, Problems problems, String path) {
    RecordComponent[] components = HardwareProfile.class.getRecordComponents();
    Object[] values = new Object[components.length];
    int before = problems.count();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      if (component.getType() == String.class) {
        values[i] = name;
        continue;
      }
      String key = ProfileLoader.keyOf(component.getName());
      values[i] = bindRecord(component.getType(), section.get(key), problems, path + "." + key);
    }
    if (problems.count() > before) {
      return null;
    }
    return (HardwareProfile) construct(HardwareProfile.class, values, problems, path);
  }

  private static Object bindRecord(Class<?> type, JsonNode node, Problems problems, String path) {
    if (problems.require(node == null || node.isNull() ? null : node, path) == null) {
      return null;
    }
    if (!node.isObject()) {
      problems.report(path, "'" + path + "' must be a mapping of keys, not " + shapeOf(node));
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known = new LinkedHashSet<>();
    for (RecordComponent component : components) {
      known.add(ProfileLoader.keyOf(component.getName()));
    }
    int before = problems.count();
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        problems.reportKey(
            path + "." + key,
            "unknown key '"
                + path
                + "."
                + key
                + "' (known here: "
                + String.join(", ", known)
                + ")");
      }
    }
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String key = ProfileLoader.keyOf(component.getName());
      JsonNode child = node.get(key);
      String childPath = path + "." + key;
      values[i] =
          component.getType().isRecord()
              ? bindRecord(component.getType(), child, problems, childPath)
              : scalar(component, child, problems, childPath);
    }
    if (problems.count() > before) {
      return null;
    }
    return construct(type, values, problems, path);
  }

  private static Object scalar(
      RecordComponent component, JsonNode node, Problems problems, String path) {
    if (problems.require(node == null || node.isNull() ? null : node, path) == null) {
      return null;
    }
    String form = ProfileLoader.expectedForm(component);
    if (node.isContainer()) {
      problems.report(path, "'" + path + "' must be " + form + ", not " + shapeOf(node));
      return null;
    }
    if (ProfileLoader.hasUnit(component) && node.isNumber()) {
      // A bare number could be in any unit; the study format refuses to guess, as everywhere.
      problems.report(path, "'" + path + "' needs a unit: " + form + " (got " + node + ")");
      return null;
    }
    try {
      return ProfileLoader.scalar(component, node.asString());
    } catch (IllegalArgumentException | ArithmeticException e) {
      String why = e instanceof ArithmeticException ? "too large" : e.getMessage();
      problems.report(path, "bad value at '" + path + "': " + why + " (expected " + form + ")");
      return null;
    }
  }

  private static Object construct(Class<?> type, Object[] values, Problems problems, String path) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      // The model's own range checks: their message starts with the field, so point at it.
      String message = e.getCause().getMessage();
      String at = path;
      String field = message == null ? "" : message.split(" ", 2)[0];
      field = field.substring(field.lastIndexOf('.') + 1);
      for (RecordComponent component : components) {
        if (component.getName().equals(field)) {
          at = path + "." + ProfileLoader.keyOf(field);
        }
      }
      problems.report(at, "'" + path + "' is not possible: " + message);
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
    }
  }

  private static String shapeOf(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return node.toString();
  }
}
