package org.rnicsim.experiments.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.rnicsim.experiments.script.StepEntry;
import org.rnicsim.experiments.script.StepSpec;
import org.rnicsim.experiments.study.Duration;
import org.rnicsim.experiments.study.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of a script's {@code steps:}, from the step records the loader binds ({@link
 * StepSpec}): one shape a step key, with the keys its record takes, so an editor completes and
 * checks steps as the loader does.
 */
final class StepSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String REF = "#/$defs/Step";

  private StepSchema() {}

  /** Gives {@code ndk-script}'s {@code steps} the shape of a list of steps, defined once. */
  static void addTo(ObjectNode schema) {
    JsonNode workload = schema.path("$defs").path("NdkScriptWorkload").path("properties");
    if (!(workload instanceof ObjectNode properties)) {
      throw new IllegalStateException("the schema has no ndk-script workload");
    }
    ObjectNode steps = NODES.objectNode().put("type", "array");
    steps.putObject("items").put("$ref", REF);
    JsonNode written = properties.get("steps");
    if (written != null && written.has("description")) {
      steps.put("description", written.get("description").asString());
    }
    properties.set("steps", steps);
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    defs.remove("StepEntry");
    defs.remove("StepSpec");
    defs.set("Step", step());
  }

  /** A bare step key, or one step key with its arguments and an optional {@code say}. */
  private static ObjectNode step() {
    ObjectNode step = NODES.objectNode();
    step.put(
        "description",
        "one step: a step key with its arguments (and optionally 'say'), or a bare step key");
    ArrayNode anyOf = step.putArray("anyOf");
    ObjectNode bare = anyOf.addObject().put("type", "string");
    ArrayNode keys = bare.putArray("enum");
    for (String key : StepEntry.keys()) {
      keys.add(key);
      ObjectNode written = anyOf.addObject().put("type", "object");
      ObjectNode properties = written.putObject("properties");
      properties.set(key, arguments(StepEntry.kindOf(key)));
      properties.putObject("say").put("type", "string");
      written.putArray("required").add(key);
      written.put("additionalProperties", false);
    }
    return step;
  }

  /** A mapping of the record's keys, its one bare value where it takes one, or nothing. */
  private static ObjectNode arguments(Class<?> kind) {
    ObjectNode shape = NODES.objectNode();
    ArrayNode anyOf = shape.putArray("anyOf");
    RecordComponent[] components = kind.getRecordComponents();
    if (StepSpec.Valued.class.isAssignableFrom(kind)) {
      anyOf.add(valueOf(components[0]));
    } else {
      ObjectNode mapping = anyOf.addObject().put("type", "object");
      ObjectNode properties = mapping.putObject("properties");
      for (RecordComponent component : components) {
        properties.set(StepEntry.keyOf(component), valueOf(component));
      }
      mapping.put("additionalProperties", false);
      if (StepSpec.Named.class.isAssignableFrom(kind)) {
        anyOf.add(valueOf(components[0]));
      }
    }
    anyOf.addObject().put("type", "null");
    return shape;
  }

  private static ObjectNode valueOf(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return NODES.objectNode().put("type", "string");
    }
    if (type == Duration.class) {
      return NODES.objectNode().put("type", "string").put("description", "a duration: 500ns, 40us");
    }
    if (type == Size.class) {
      return NODES.objectNode().put("type", "string").put("description", "a size: 64B, 4KiB");
    }
    if (type == Long.class) {
      return NODES.objectNode().put("type", "integer");
    }
    if (type == Boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    ObjectNode list = NODES.objectNode().put("type", "array");
    Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
    if (item == StepEntry.class) {
      list.putObject("items").put("$ref", REF);
    } else {
      list.putObject("items").put("type", "string");
    }
    return list;
  }
}
