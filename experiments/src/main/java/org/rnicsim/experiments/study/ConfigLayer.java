package org.rnicsim.experiments.study;

import tools.jackson.databind.node.ObjectNode;

/**
 * One source of configuration values, as a tree with the origin of every value: the defaults file,
 * a hardware profile, the study file, or the {@code --set} options. Layers are merged lowest first
 * by {@link LayerStack}.
 *
 * @param name how messages name the layer (a file as the user typed it, or {@code --set})
 * @param tree the values, a mapping of keys at the top
 * @param source where each value of {@code tree} was written
 */
public record ConfigLayer(String name, ObjectNode tree, SourceMap source) {}
