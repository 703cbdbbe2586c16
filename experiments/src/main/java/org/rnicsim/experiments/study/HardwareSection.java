package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.regex.Pattern;
import org.rnicsim.model.profile.HardwareProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code hardware} section as merged: the profile's name and its values, with whatever the
 * study file and {@code --set} override on top. The profile file fills every key beneath the study
 * (precedence defaults &lt; profile &lt; study &lt; {@code --set}); its sub-sections are kept as
 * trees here and bound to the model's records by {@link HardwareBinding}, key for key as in the
 * profile files.
 *
 * @param profile the name of a profile: {@code configs/profiles/<name>.yaml} beside the study, or
 *     one built into rnicsim
 */
public record HardwareSection(
    @JsonPropertyDescription(
            "hardware profile: profiles/<name>.yaml beside the study, or a built-in one"
                + " (connectx4-edr-gen3x16, connectx3-class, connect-ib-class, connectx6-gen4x16,"
                + " gen3x8-dma-test-card)")
        String profile,
    @JsonPropertyDescription("host CPU overrides: cpuCores, postSendCpu, postRecvCpu, cqPollDetect")
        JsonNode host,
    @JsonPropertyDescription("PCIe overrides: generation, lanes, maxPayload, ...") JsonNode pcie,
    @JsonPropertyDescription("adapter overrides: pipelines, caches, DMA engines, ...")
        JsonNode adapter,
    @JsonPropertyDescription("port overrides: rate, mtu, propagationDelay, ...") JsonNode port,
    @JsonPropertyDescription("the adapter's maxima: maxQps, maxQueueDepth, maxCqDepth")
        JsonNode limits) {

  /** A profile name is one plain file name: it cannot lead out of the profiles folder. */
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Whether {@code name} can name a profile file. */
  public static boolean isProfileName(String name) {
    return name != null && PROFILE_NAME.matcher(name).matches() && !name.contains("..");
  }

  HardwareProfile validate(Problems problems, String path) {
    if (problems.require(profile, path + ".profile") == null) {
      return null;
    }
    ObjectNode sections = JsonNodeFactory.instance.objectNode();
    put(sections, "host", host);
    put(sections, "pcie", pcie);
    put(sections, "adapter", adapter);
    put(sections, "port", port);
    put(sections, "limits", limits);
    return HardwareBinding.bind(profile, sections, problems, path);
  }

  private static void put(ObjectNode sections, String key, JsonNode value) {
    if (value != null && !value.isNull()) {
      sections.set(key, value);
    }
  }
}
