package org.rnicsim.experiments.profile;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * How the model's profile records are written in YAML. A component's key is its name without its
 * unit suffix, and the suffix says how the value is read:
 *
 * <ul>
 *   <li>{@code ...Ps}: a duration, e.g. {@code flightLatency: 125ns}
 *   <li>{@code ...PsPerByte}: a duration per byte, key ending in {@code PerByte}, e.g. {@code
 *       readCompleterLatencyPerByte: 142ps}
 *   <li>{@code ...Bytes}: a size, e.g. {@code mtu: 4KiB}
 *   <li>{@code ...BitsPerSecond}: a rate, e.g. {@code rate: 100Gbps}
 *   <li>anything else: a plain count, number, boolean, enum constant (any case) or text
 * </ul>
 */
public final class ProfileKeys {
  private static final List<String> UNIT_SUFFIXES =
      List.of("BitsPerSecond", "PsPerByte", "Ps", "Bytes");

  private ProfileKeys() {}

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

  /** What a value of {@code component} looks like, for messages and the study schema. */
  public static String expectedForm(RecordComponent component) {
    return expectedForm(component.getName(), component.getType());
  }

  public static String expectedForm(String name, Class<?> type) {
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
    return hasUnit(component.getName(), component.getType());
  }

  static boolean hasUnit(String name, Class<?> type) {
    return (type == long.class || type == int.class)
        && (name.endsWith("BitsPerSecond")
            || name.endsWith("Ps")
            || name.endsWith("PsPerByte")
            || name.endsWith("Bytes"));
  }
}
