package org.rnicsim.experiments.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What a job's result depends on, hashed: the rnicsim build (version and code digest), the point's
 * merged configuration (defaults included), the case and the text of every file the point's
 * workload read as input (a CDF the study names by path: editing it must rerun the jobs that drew
 * from it). The replication is in the file name. Key order does not matter: the configuration is
 * written with sorted keys before hashing.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(
      String rnicsimBuild, JsonNode pointConfig, int caseIndex, Map<String, String> inputFiles) {
    StringBuilder text = new StringBuilder();
    text.append(rnicsimBuild).append('\n');
    canonical(pointConfig, text);
    text.append('\n').append(caseIndex);
    // Without input files the text is as before, so results on disk keep their fingerprints.
    for (Map.Entry<String, String> input : new TreeMap<>(inputFiles).entrySet()) {
      String content = input.getValue();
      text.append("\ninput ").append(input.getKey()).append(' ').append(content.length());
      text.append('\n').append(content);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      // 16 bytes are plenty to tell two configurations apart; the file stays readable.
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        keys.add(entry.getKey());
      }
      keys.sort(null);
      out.append('{');
      for (String key : keys) {
        out.append('"').append(key).append("\":");
        canonical(node.get(key), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        canonical(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      // Scalars as JSON text: 1 and 1.0 and "1" stay different, as they bind differently.
      out.append(node.toString());
    }
  }
}
