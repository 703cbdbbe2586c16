package org.rnicsim.experiments.study;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where each key path of a document sits in its file. Binding to records loses positions, so
 * semantic validation looks them up here to point at the offending value.
 */
public final class SourceMap {

  /** A 1-based position in a text file. */
  public record Position(int line, int column) {
    static final Position START = new Position(1, 1);
  }

  private final Map<String, Position> valuePositions;
  private final Map<String, Position> keyPositions;
  private final JsonToken rootToken;

  private SourceMap(
      Map<String, Position> valuePositions,
      Map<String, Position> keyPositions,
      JsonToken rootToken) {
    this.valuePositions = valuePositions;
    this.keyPositions = keyPositions;
    this.rootToken = rootToken;
  }

  /**
   * An empty map, for a document that could not be scanned: every lookup answers the start of the
   * file.
   */
  public static SourceMap empty() {
    return new SourceMap(Map.of(), Map.of(), null);
  }

  /**
   * Reads the whole document from {@code parser}, remembering where each value starts. Syntax
   * errors surface as the parser's own exceptions, with their position.
   */
  public static SourceMap scan(JsonParser parser) {
    Map<String, Position> positions = new HashMap<>();
    Map<String, Position> keys = new HashMap<>();
    JsonToken rootToken = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (rootToken == null) {
        rootToken = token;
      }
      if (token == JsonToken.PROPERTY_NAME) {
        keys.putIfAbsent(
            pathOf(parser.streamReadContext()), positionOf(parser.currentTokenLocation()));
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        continue;
      }
      TokenStreamContext context = parser.streamReadContext();
      // A container token has already opened its own context; its path is that of the entry in the
      // parent.
      if (token.isStructStart()) {
        context = context.getParent();
      }
      positions.putIfAbsent(pathOf(context), positionOf(parser.currentTokenLocation()));
    }
    return new SourceMap(positions, keys, rootToken);
  }

  /** The first token of the document: null for an empty one, START_OBJECT for a mapping of keys. */
  public JsonToken rootToken() {
    return rootToken;
  }

  /** The path of the current entry of {@code context}, in the form {@code workload.loads[2]}. */
  static String pathOf(TokenStreamContext context) {
    StringBuilder path = new StringBuilder();
    appendPath(context, path);
    return path.toString();
  }

  private static void appendPath(TokenStreamContext context, StringBuilder path) {
    if (context == null || context.inRoot()) {
      return;
    }
    appendPath(context.getParent(), path);
    if (context.inObject() && context.currentName() != null) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(context.currentName());
    } else if (context.inArray()) {
      path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
    }
  }

  static Position positionOf(TokenStreamLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return null;
    }
    return new Position(location.getLineNr(), Math.max(location.getColumnNr(), 1));
  }

  /**
   * The position of {@code path}, or of its nearest ancestor present in the file (a missing key is
   * reported where its parent is), or the start of the file.
   */
  public Position positionOf(String path) {
    String candidate = path;
    while (true) {
      Position position = valuePositions.get(candidate);
      if (position != null) {
        return position;
      }
      if (candidate.isEmpty()) {
        return Position.START;
      }
      candidate = parentOf(candidate);
    }
  }

  /** Where the key of {@code path} is written (for "unknown key"), else as {@link #positionOf}. */
  public Position keyPositionOf(String path) {
    Position position = keyPositions.get(path);
    return position != null ? position : positionOf(path);
  }

  static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
