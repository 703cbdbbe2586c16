package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * One parsed configuration document (a study, the defaults, a profile, a lesson): its tree and
 * where each key and value was written. Every key must be a plain identifier, because key paths
 * ({@code run.warmUp}, {@code workload.loads[1]}) name values in messages, {@code --set} and
 * sweeps; a YAML merge key ({@code <<}) is refused for the same reason. A YAML alias ({@code
 * *name}) stands for a copy of its anchor's value: Jackson's YAML parser hands aliases over as the
 * anchor's name, so they are resolved here, with a bound on the values they expand to.
 *
 * @param tree the document's value
 * @param source where each path was written
 */
public record ConfigDocument(JsonNode tree, SourceMap source) {
  /** Values aliases may copy in one document: far above any study, far below an alias bomb. */
  static final int MAX_ALIASED_VALUES = 10_000;

  /**
   * Parses {@code text}. Syntax errors surface as Jackson's exceptions (each caller words them);
   * keys and aliases that cannot be taken end in a {@link StudyRejectedException}.
   */
  public static ConfigDocument read(ObjectMapper mapper, String text, String displayName) {
    SourceMap source = SourceMap.of(Origin.startOf(displayName));
    List<ConfigProblem> problems = new ArrayList<>();
    Map<Origin, String> aliases = new LinkedHashMap<>();
    Map<Origin, String> valuePaths = new HashMap<>();
    try (JsonParser parser = mapper.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Origin at = SourceMap.originOf(displayName, parser.currentTokenLocation());
        TokenStreamContext context = parser.streamReadContext();
        if (token == JsonToken.PROPERTY_NAME) {
          String path = SourceMap.pathOf(context);
          source.putKeyOrigin(path, at);
          checkKey(
              parser.currentName(), path, at != null ? at : Origin.startOf(displayName), problems);
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // A container token has already opened its own context; its path is its entry's.
        String path = SourceMap.pathOf(token.isStructStart() ? context.getParent() : context);
        source.putValueOrigin(path, at);
        if (at != null) {
          valuePaths.putIfAbsent(at, path);
          if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            aliases.put(at, path);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StudyRejectedException(problems);
    }
    JsonNode tree = mapper.readTree(text);
    if (!aliases.isEmpty() && tree instanceof ObjectNode root) {
      new Aliases(displayName, root, source, valuePaths, aliases).resolve(text);
    }
    return new ConfigDocument(tree, source);
  }

  private static void checkKey(
      String key, String path, Origin where, List<ConfigProblem> problems) {
    if (ConfigPath.isKey(key)) {
      return;
    }
    if (key.equals("<<")) {
      problems.add(
          where.problem(
              path,
              "'"
                  + path
                  + "': YAML merge keys ('<<') are not supported; write the keys out (an alias"
                  + " such as *name may stand for a whole value)"));
      return;
    }
    problems.add(
        where.problem(
            path,
            "'"
                + path
                + "' is not a plain key: a key is a letter or '_' followed by letters, digits,"
                + " '-' or '_'"));
  }

  /** Replaces each alias by a copy of its anchor's value, in document order. */
  private static final class Aliases {
    private final String displayName;
    private final ObjectNode root;
    private final SourceMap source;
    private final Map<Origin, String> valuePaths;
    private final Map<Origin, String> aliases;
    private final Map<String, String> anchorPaths = new HashMap<>();
    private int copied;

    Aliases(
        String displayName,
        ObjectNode root,
        SourceMap source,
        Map<Origin, String> valuePaths,
        Map<Origin, String> aliases) {
      this.displayName = displayName;
      this.root = root;
      this.source = source;
      this.valuePaths = valuePaths;
      this.aliases = aliases;
    }

    void resolve(String text) {
      // Jackson's parser does not say where anchors are; the YAML events beneath it do, at the
      // same positions as its tokens.
      for (Event event : new Parse(LoadSettings.builder().build()).parseString(text)) {
        Origin at = originOf(event);
        if (at == null) {
          continue;
        }
        if (event instanceof AliasEvent alias) {
          String path = aliases.get(at);
          if (path != null) {
            copy(alias.getAlias().getValue(), path, at);
          }
        } else if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
          String path = valuePaths.get(at);
          if (path != null) {
            anchorPaths.put(node.getAnchor().get().getValue(), path);
          }
        }
      }
    }

    private void copy(String anchor, String path, Origin at) {
      String anchorPath = anchorPaths.get(anchor);
      if (anchorPath == null) {
        throw refuse(at, path, "'" + path + "': no anchor &" + anchor + " before this alias");
      }
      if (path.equals(anchorPath)
          || path.startsWith(anchorPath + ".")
          || path.startsWith(anchorPath + "[")
          || anchorPath.isEmpty()) {
        throw refuse(at, path, "'" + path + "': the alias *" + anchor + " is inside its anchor");
      }
      JsonNode value = ConfigPath.get(root, anchorPath).deepCopy();
      copied += count(value);
      if (copied > MAX_ALIASED_VALUES) {
        throw refuse(
            at,
            path,
            "aliases expand to more than "
                + MAX_ALIASED_VALUES
                + " values; the file is refused (an alias bomb?)");
      }
      ConfigPath.set(root, path, value);
      // Values under the alias are reported where the anchor wrote them; the alias itself here.
      source.replaceUnder(path, source.copy(), anchorPath);
      source.replaceValueOrigin(path, at);
    }

    private static int count(JsonNode node) {
      int n = 1;
      for (JsonNode child : node) {
        n += count(child);
      }
      return n;
    }

    private Origin originOf(Event event) {
      Mark mark = event.getStartMark().orElse(null);
      return mark == null
          ? null
          : new Origin(displayName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static StudyRejectedException refuse(Origin at, String path, String message) {
      return StudyRejectedException.of(at.problem(path, message));
    }
  }
}
