package org.rnicsim.experiments.study;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges configuration layers, lowest precedence first, into one tree and one source map. Mappings
 * merge key by key; anything else (a number, a text, a list) in a higher layer replaces the lower
 * value whole, so a study's list of loads replaces the default list rather than mixing with it.
 */
final class LayerStack {
  private final ObjectNode tree;
  private SourceMap source;

  /** A stack whose bottom is {@code tree}, written where {@code source} says; both are changed. */
  LayerStack(ObjectNode tree, SourceMap source) {
    this.tree = tree;
    this.source = source;
  }

  /** Puts {@code layer} on top of what is there. */
  LayerStack push(ConfigLayer layer) {
    merge(tree, layer.tree(), "", source, layer.source());
    return this;
  }

  /**
   * Puts {@code lower} beneath the mapping at the top-level {@code key}: its values count only
   * where nothing higher set one. Used for the defaults of a workload kind, which apply only once
   * the merged layers have said which kind it is.
   *
   * @param lowerSource where {@code lower}'s values were written, under {@code lowerPath}
   */
  LayerStack pushBeneath(String key, ObjectNode lower, SourceMap lowerSource, String lowerPath) {
    if (!(tree.get(key) instanceof ObjectNode upper)) {
      return this;
    }
    ObjectNode merged = lower.deepCopy();
    SourceMap mergedSource = source.copy();
    mergedSource.replaceUnder(key, lowerSource, lowerPath);
    merge(merged, upper, key, mergedSource, source);
    tree.set(key, merged);
    source = mergedSource;
    return this;
  }

  private static void merge(
      ObjectNode lower, ObjectNode upper, String path, SourceMap target, SourceMap upperSource) {
    for (Map.Entry<String, JsonNode> entry : upper.properties()) {
      String key = entry.getKey();
      String childPath = path.isEmpty() ? key : path + "." + key;
      JsonNode upperValue = entry.getValue();
      if (upperValue instanceof ObjectNode upperObject
          && lower.get(key) instanceof ObjectNode lowerObject) {
        target.putKey(childPath, upperSource, childPath);
        merge(lowerObject, upperObject, childPath, target, upperSource);
      } else {
        lower.set(key, upperValue.deepCopy());
        target.replaceUnder(childPath, upperSource, childPath);
      }
    }
  }

  ObjectNode tree() {
    return tree;
  }

  SourceMap source() {
    return source;
  }
}
