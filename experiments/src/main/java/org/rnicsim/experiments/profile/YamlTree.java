package org.rnicsim.experiments.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document as nested mappings of scalars kept as text, each entry with the line and column
 * of its key, so every error can point at the offending line. Sequences are refused: a profile has
 * none.
 */
final class YamlTree {
  /** A scalar (its text) or a mapping, and where its key stood. */
  record Entry(String text, Map<String, Entry> mapping, int line, int column) {
    boolean isMapping() {
      return mapping != null;
    }
  }

  private YamlTree() {}

  static Map<String, Entry> parse(String yaml, String source) {
    YAMLMapper mapper = YAMLMapper.builder().build();
    try (JsonParser parser = mapper.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ProfileException(source + ": a profile must be a mapping of keys to values");
      }
      return readMapping(parser, source);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new ProfileException(source + where + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Entry> readMapping(JsonParser parser, String source) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      TokenStreamLocation at = parser.currentTokenLocation();
      int line = at.getLineNr();
      int column = at.getColumnNr();
      if (entries.containsKey(key)) {
        throw new ProfileException(source + ":" + line + ":" + column + ": duplicate key " + key);
      }
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT) {
        entries.put(key, new Entry(null, readMapping(parser, source), line, column));
      } else if (value == JsonToken.START_ARRAY) {
        throw new ProfileException(
            source + ":" + line + ":" + column + ": " + key + ": lists are not allowed here");
      } else if (value == JsonToken.VALUE_NULL) {
        throw new ProfileException(
            source + ":" + line + ":" + column + ": " + key + " has no value");
      } else {
        entries.put(key, new Entry(parser.getText(), null, line, column));
      }
    }
    return entries;
  }
}
