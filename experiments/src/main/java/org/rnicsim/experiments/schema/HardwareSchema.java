package org.rnicsim.experiments.schema;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import org.rnicsim.experiments.profile.ProfileKeys;
import org.rnicsim.model.profile.HardwareProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of a study's {@code hardware} section: its sub-sections are the model's profile
 * records, keyed as profile files key them ({@link ProfileKeys}), so an editor completes every
 * value a study can override and flags a misspelt one. Generated from the records, so it follows
 * the model.
 */
final class HardwareSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HardwareSchema() {}

  /**
   * Replaces the generic trees of the hardware section in {@code schema} by the profile's shape.
   */
  static void addTo(ObjectNode schema) {
    JsonNode section = schema.path("$defs").path("HardwareSection").path("properties");
    if (!(section instanceof ObjectNode properties)) {
      throw new IllegalStateException("the schema has no hardware section");
    }
    for (RecordComponent component : HardwareProfile.class.getRecordComponents()) {
      if (!component.getType().isRecord()) {
        continue;
      }
      String key = ProfileKeys.keyOf(component.getName());
      JsonNode written = properties.get(key);
      ObjectNode shape = recordShape(component.getType());
      if (written != null && written.has("description")) {
        shape.put("description", written.get("description").asString());
      }
      properties.set(key, shape);
    }
    if (schema.get("$defs") instanceof ObjectNode definitions) {
      definitions.remove("JsonNode");
    }
  }

  private static ObjectNode recordShape(Class<?> type) {
    ObjectNode shape = NODES.objectNode();
    shape.put("type", "object");
    ObjectNode properties = shape.putObject("properties");
    for (RecordComponent component : type.getRecordComponents()) {
      String key = ProfileKeys.keyOf(component.getName());
      properties.set(
          key,
          component.getType().isRecord()
              ? recordShape(component.getType())
              : scalarShape(component));
    }
    shape.put("additionalProperties", false);
    return shape;
  }

  private static ObjectNode scalarShape(RecordComponent component) {
    ObjectNode shape = NODES.objectNode();
    Class<?> type = component.getType();
    if (ProfileKeys.hasUnit(component) || type == String.class) {
      shape.put("type", "string");
    } else if (type == long.class || type == int.class) {
      shape.put("type", "integer");
    } else if (type == double.class) {
      shape.put("type", "number");
    } else if (type == boolean.class) {
      shape.put("type", "boolean");
    } else if (type.isEnum()) {
      shape.put("type", "string");
      ArrayNode values = shape.putArray("enum");
      for (Object constant : type.getEnumConstants()) {
        values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
      }
    }
    shape.put("description", ProfileKeys.expectedForm(component));
    return shape;
  }
}
