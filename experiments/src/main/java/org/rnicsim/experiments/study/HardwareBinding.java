package org.rnicsim.experiments.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.profile.ProfileModule;
import org.rnicsim.model.profile.HardwareProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds hardware to the model's {@link HardwareProfile} with Jackson ({@link ProfileModule}): the
 * merged {@code hardware} section of a study (a profile's values with the study's and the command
 * line's overrides on top) and a profile file on its own. A value means the same in a profile and
 * in a study, and every problem is reported at the value that was written, in whichever layer won.
 */
final class HardwareBinding {
  private static final TreeBinder BINDER =
      new TreeBinder(StudyMappers.HARDWARE, new BindingErrors(List.of()));

  private HardwareBinding() {}

  /** The {@code hardware} key a study's section sits under, as the binder sees it. */
  private record Hardware(HardwareProfile hardware) {}

  /**
   * The profile {@code sections} describe, or null after reporting why there is none.
   *
   * @param name the profile's name, as the study gave it
   * @param sections the merged {@code host}, {@code pcie}, ... mappings, as written
   * @param path where the section is: {@code hardware}
   */
  static HardwareProfile bind(
      String name, Map<String, JsonNode> sections, Problems problems, String path) {
    ObjectNode hardware = JsonNodeFactory.instance.objectNode();
    hardware.put("name", name);
    sections.forEach(
        (key, section) -> {
          if (section != null && !section.isNull()) {
            hardware.set(key, section);
          }
        });
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set(path, hardware);
    TreeBinder.Bound<Hardware> bound = BINDER.bind(root, Hardware.class, problems.source());
    bound.problems().forEach(problems::add);
    return bound.value() == null || !bound.problems().isEmpty() ? null : bound.value().hardware();
  }

  /**
   * Reads and binds one profile file, as {@code rnicsim bench model --profile} does.
   *
   * @throws StudyRejectedException with every problem, located in the file
   */
  static HardwareProfile load(Path file, String displayName) {
    String text = ConfigFileReader.readText(file, displayName, "profile");
    ConfigLayer layer =
        new ConfigFileReader(new StudyMappers(List.of()), new BindingErrors(List.of()))
            .parse(text, file, displayName);
    TreeBinder.Bound<HardwareProfile> bound =
        BINDER.bind(layer.tree(), HardwareProfile.class, layer.source());
    if (bound.value() == null || !bound.problems().isEmpty()) {
      throw new StudyRejectedException(bound.problems());
    }
    return bound.value();
  }
}
