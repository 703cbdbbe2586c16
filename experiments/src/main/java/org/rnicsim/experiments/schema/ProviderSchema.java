package org.rnicsim.experiments.schema;

import org.rnicsim.experiments.script.ScriptSetup;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.consumer.ProviderVariant;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of a study's {@code provider} section: its keys are the provider's own vocabulary (the
 * object types, callbacks of ndk-api), so an editor completes them and flags a misspelt one, as the
 * loader does. Generated from the enums, so it follows them.
 */
final class ProviderSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProviderSchema() {}

  /** Replaces the generic trees of the provider section in {@code schema} by their shapes. */
  static void addTo(ObjectNode schema) {
    JsonNode section = schema.path("$defs").path("ProviderSection").path("properties");
    if (!(section instanceof ObjectNode properties)) {
      throw new IllegalStateException("the schema has no provider section");
    }
    ObjectNode paths = NODES.objectNode();
    for (NdkObjectType kind : ProviderPolicy.CLOSEABLE_KINDS) {
      ObjectNode choice = paths.putObject(kind.name());
      choice.put("type", "string");
      ArrayNode values = choice.putArray("enum").add("inline");
      if (ProviderPolicy.FIRMWARE_KINDS.contains(kind)) {
        values.add("firmware");
      }
    }
    replace(properties, "create", mapping(paths));
    replace(properties, "close", mapping(paths.deepCopy()));
    ObjectNode callbacks = NODES.objectNode();
    for (CallbackKind kind : CallbackKind.values()) {
      callbacks.set(ScriptSetup.ndkName(kind), duration());
    }
    replace(properties, "callbackCosts", mapping(callbacks));
    ObjectNode jitter = NODES.objectNode().put("type", "string");
    jitter.put("pattern", "^\\d{1,2}(\\.\\d{1,3})?%$");
    replace(properties, "firmwareJitter", jitter);
    replace(properties, "postCost", duration());
    replace(properties, "dpcCost", duration());
    replace(properties, "cmMadCost", duration());
    replace(properties, "batchDeferredDoorbells", NODES.objectNode().put("type", "boolean"));
    ObjectNode variant = NODES.objectNode().put("type", "string");
    ArrayNode variants = variant.putArray("enum");
    for (ProviderVariant v : ProviderVariant.values()) {
      variants.add(v.fileName());
    }
    replace(properties, "variant", variant);
    // The mappings' generic shapes are replaced above by the provider's own keys.
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    defs.remove("Map(String,String)");
    defs.remove("Map(String,Duration)");
  }

  private static ObjectNode mapping(ObjectNode properties) {
    ObjectNode shape = NODES.objectNode();
    shape.put("type", "object");
    shape.set("properties", properties);
    shape.put("additionalProperties", false);
    return shape;
  }

  private static ObjectNode duration() {
    return NODES.objectNode().put("type", "string").put("description", "a duration: 500ns, 40us");
  }

  /** Keeps the description the record gave the key. */
  private static void replace(ObjectNode properties, String key, ObjectNode shape) {
    JsonNode written = properties.get(key);
    if (written != null && written.has("description")) {
      shape.put("description", written.get("description").asString());
    }
    properties.set(key, shape);
  }
}
