package org.rnicsim.experiments.study;

import tools.jackson.databind.node.ObjectNode;

/**
 * The place of hardware profiles in the precedence defaults &lt; profile &lt; study file &lt;
 * {@code --set}. A profile loader answers the layer for the profile a study names (it sees the
 * study file with its {@code --set} options applied, so either may name it); until profiles exist
 * there is none.
 */
@FunctionalInterface
public interface ProfileLayers {
  /** No profiles: nothing between the defaults and the study file. */
  ProfileLayers NONE = study -> null;

  /** The profile layer for {@code study}, or null when it names none. */
  ConfigLayer layerFor(ObjectNode study);
}
