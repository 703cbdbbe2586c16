package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one configuration file (a study, the defaults) into a {@link ConfigLayer}: size and text
 * checks first, then a strict parse that remembers where every key and value was written. Binding
 * to records happens later, once all layers are merged.
 */
public final class ConfigFileReader {

  /**
   * Study files are written by hand; anything bigger is a mistake, and reading it would only waste
   * memory.
   */
  static final long MAX_FILE_BYTES = 1L << 20;

  private final StudyMappers mappers;
  private final BindingErrors errors;

  ConfigFileReader(StudyMappers mappers, BindingErrors errors) {
    this.mappers = mappers;
    this.errors = errors;
  }

  /** The file's text, checked to be a reasonably sized UTF-8 text file. */
  static String readText(Path file, String displayName) {
    return readText(file, displayName, "study");
  }

  /**
   * The text of a {@code kind} file ("study", "lesson"), checked to be a reasonably sized UTF-8
   * text file. At most one byte past the limit is read, whatever size the file claims: a link to
   * {@code /dev/zero} or a pipe has no honest size.
   */
  public static String readText(Path file, String displayName, String kind) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw rejected(displayName, "is a directory, not a " + kind + " file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw rejected(displayName, "no such file");
    } catch (IOException e) {
      throw rejected(displayName, "cannot read: " + e.getMessage());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName)
              .problem(
                  "",
                  "too large for a "
                      + kind
                      + " file ("
                      + sizeOf(file)
                      + "; the limit is "
                      + MAX_FILE_BYTES
                      + " bytes); the rest was not read"));
    }
    return decode(bytes, displayName);
  }

  /** The size a regular file says it has, for the message; a device or pipe has none. */
  private static String sizeOf(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Files.size(file) + " bytes";
      }
    } catch (IOException e) {
      // Said below.
    }
    return "more than " + MAX_FILE_BYTES + " bytes";
  }

  /** A layer from {@code text}, in the format its file name says. */
  ConfigLayer parse(String text, Path file, String displayName) {
    ObjectMapper mapper = mapperFor(file, displayName);
    ConfigDocument document;
    try {
      document = ConfigDocument.read(mapper, text, displayName);
    } catch (JacksonException e) {
      throw StudyRejectedException.of(
          errors.toProblem(e, SourceMap.of(Origin.startOf(displayName))));
    }
    JsonNode tree = document.tree();
    SourceMap source = document.source();
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName)
              .problem("", "the file is empty: a study needs at least 'name' and 'workload'"));
    }
    if (!(tree instanceof ObjectNode object)) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName)
              .problem(
                  "",
                  "the top level must be a mapping of keys such as 'name:', 'run:' and"
                      + " 'workload:'"));
    }
    return new ConfigLayer(displayName, object, source);
  }

  private ObjectMapper mapperFor(Path file, String displayName) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return mappers.yaml;
    }
    if (name.endsWith(".json")) {
      return mappers.json;
    }
    throw rejected(displayName, "unsupported file type: a study file ends in .yaml, .yml or .json");
  }

  /** Parsers say odd things about binary data; say plainly that it is not a text file. */
  private static String decode(byte[] bytes, String displayName) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw StudyRejectedException.of(
          Origin.startOf(displayName).problem("", "not a UTF-8 text file (binary content?)"));
    }
    int line = 1;
    int column = 1;
    for (byte b : bytes) {
      if (b == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r') || b == 0x7f) {
        throw StudyRejectedException.of(
            new ConfigProblem(
                displayName,
                line,
                column,
                "",
                String.format(Locale.ROOT, "not a text file: control character 0x%02x", b & 0xff)));
      }
      column++;
    }
    return text;
  }

  static StudyRejectedException rejected(String displayName, String message) {
    return StudyRejectedException.of(new ConfigProblem(displayName, 0, 0, "", message));
  }
}
