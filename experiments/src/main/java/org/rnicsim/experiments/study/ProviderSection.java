package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code provider} section: the simulated NDK provider's choices, in the vocabulary of the
 * lessons' {@code provider:} block (which creates and closes wait for a firmware command, what each
 * consumer callback costs; the firmware's command times are the hardware's). Only workloads that
 * run the provider read it ({@link ProviderWorkload}); its values are kept as trees here and
 * checked key by key, with units, by the workload that binds them.
 */
public record ProviderSection(
    @JsonPropertyDescription(
            "per object type (CQ, QP, SRQ, PD, MR, MW, CONNECTOR, LISTENER, SHARED_ENDPOINT):"
                + " inline (create returns SUCCESS) or firmware (PENDING until the firmware"
                + " command completes)")
        JsonNode create,
    @JsonPropertyDescription("per object type: inline or firmware, as for create") JsonNode close,
    @JsonPropertyDescription(
            "CPU time of each consumer callback, with units: CreateCompletion, CloseCompletion,"
                + " RequestCompletion, CqNotification, SrqNotification, ConnectEvent,"
                + " DisconnectEvent")
        JsonNode callbackCosts,
    @JsonPropertyDescription(
            "every firmware latency L is drawn uniform in [L - j L, L + j L]: a percentage, 0%"
                + " keeps them fixed")
        JsonNode firmwareJitter,
    @JsonPropertyDescription("from a post's call to its doorbell reaching the adapter, with a unit")
        JsonNode postCost,
    @JsonPropertyDescription("the provider's own DPC work per completion, with a unit")
        JsonNode dpcCost,
    @JsonPropertyDescription(
            "host CPU time of the connection manager per CM message (MAD), sent or received,"
                + " with a unit")
        JsonNode cmMadCost,
    @JsonPropertyDescription("DEFER posts wait for the next post to ring one doorbell")
        JsonNode batchDeferredDoorbells,
    @JsonPropertyDescription(
            "the provider under the verifier: correct, or late-cq-notification (deliberately"
                + " broken)")
        JsonNode variant) {

  /** The section as one tree, with the keys written, for the binder of the lessons' vocabulary. */
  public ObjectNode tree() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    put(tree, "create", create);
    put(tree, "close", close);
    put(tree, "callbackCosts", callbackCosts);
    put(tree, "firmwareJitter", firmwareJitter);
    put(tree, "postCost", postCost);
    put(tree, "dpcCost", dpcCost);
    put(tree, "cmMadCost", cmMadCost);
    put(tree, "batchDeferredDoorbells", batchDeferredDoorbells);
    put(tree, "variant", variant);
    return tree;
  }

  private static void put(ObjectNode tree, String key, JsonNode value) {
    if (value != null && !value.isNull()) {
      tree.set(key, value);
    }
  }
}
