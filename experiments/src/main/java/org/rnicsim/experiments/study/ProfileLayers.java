package org.rnicsim.experiments.study;

import java.nio.file.Path;
import java.util.Collection;

/**
 * The place of hardware profiles in the precedence defaults &lt; profile &lt; study file &lt;
 * {@code --set}. The loader asks for the profile a point names (after the study file, the {@code
 * --set} options and the sweep have had their say, so any of them may choose it) and puts its
 * values beneath the point's {@code hardware} section.
 */
@FunctionalInterface
public interface ProfileLayers {
  /** No profiles at all: a study that names one is refused. */
  ProfileLayers NONE =
      (studyFile, studyDisplayName, name, at, problems) -> {
        problems.add(at.problem("hardware.profile", "no hardware profiles are available"));
        return null;
      };

  /**
   * The values of profile {@code name} as a layer whose tree holds the profile's sections ({@code
   * host}, {@code pcie}, ...), or null after adding to {@code problems} why there is none.
   *
   * @param studyFile the study file, beside which a {@code profiles/} folder is searched first
   * @param studyDisplayName the study file as the user named it, for naming the profile file
   * @param at where the name was written
   */
  ConfigLayer layerFor(
      Path studyFile,
      String studyDisplayName,
      String name,
      Origin at,
      Collection<ConfigProblem> problems);
}
