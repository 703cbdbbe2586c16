package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.rnicsim.model.profile.HardwareProfile;
import tools.jackson.databind.JsonNode;

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
        JsonNode limits,
    @JsonPropertyDescription(
            "firmware command times: createQp, modifyQp, destroyQp, createCq, ..., commandSlots")
        JsonNode firmware,
    @JsonPropertyDescription(
            "congestion control: mode (none | dcqcn) and the DCQCN parameters: cnpInterval,"
                + " alphaGain, alphaUpdatePeriod, rateIncreasePeriod, byteCounter, ...")
        JsonNode congestionControl) {

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
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    sections.put("host", host);
    sections.put("pcie", pcie);
    sections.put("adapter", adapter);
    sections.put("port", port);
    sections.put("limits", limits);
    sections.put("firmware", firmware);
    sections.put("congestionControl", congestionControl);
    return HardwareBinding.bind(profile, sections, problems, path);
  }
}
