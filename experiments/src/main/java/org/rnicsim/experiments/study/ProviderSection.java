package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * The {@code provider} section: the simulated NDK provider's choices, in the vocabulary of the
 * lessons' {@code provider:} block (which creates and closes wait for a firmware command, what each
 * consumer callback costs; the firmware's command times are the hardware's). Only workloads that
 * run the provider read it ({@link ProviderWorkload}). Durations and the jitter are read with their
 * units as they are bound; the per-type and per-callback mappings keep their written keys, so that
 * the script's settings check each key where it was written (experiments' {@code script} package).
 */
public record ProviderSection(
    @JsonPropertyDescription(
            "per object type (CQ, QP, SRQ, PD, MR, MW, CONNECTOR, LISTENER, SHARED_ENDPOINT):"
                + " inline (create returns SUCCESS) or firmware (PENDING until the firmware"
                + " command completes)")
        Map<String, String> create,
    @JsonPropertyDescription("per object type: inline or firmware, as for create")
        Map<String, String> close,
    @JsonPropertyDescription(
            "CPU time of each consumer callback, with units: CreateCompletion, CloseCompletion,"
                + " RequestCompletion, CqNotification, SrqNotification, ConnectEvent,"
                + " DisconnectEvent")
        Map<String, Duration> callbackCosts,
    @JsonPropertyDescription(
            "every firmware latency L is drawn uniform in [L - j L, L + j L]: a percentage, 0%"
                + " keeps them fixed")
        Percentage firmwareJitter,
    @JsonPropertyDescription("from a post's call to its doorbell reaching the adapter, with a unit")
        Duration postCost,
    @JsonPropertyDescription("the provider's own DPC work per completion, with a unit")
        Duration dpcCost,
    @JsonPropertyDescription(
            "host CPU time of the connection manager per CM message (MAD), sent or received,"
                + " with a unit")
        Duration cmMadCost,
    @JsonPropertyDescription("DEFER posts wait for the next post to ring one doorbell")
        Boolean batchDeferredDoorbells,
    @JsonPropertyDescription(
            "the provider under the verifier: correct, or late-cq-notification (deliberately"
                + " broken)")
        String variant) {}
