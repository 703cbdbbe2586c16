package org.rnicsim.experiments.study;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a study file (YAML or JSON, chosen by its extension), binds it strictly to {@link
 * StudyFile} and validates it. Every way a file can be wrong ends in a {@link
 * StudyRejectedException} that names the file and, where there is one, the line, column and key
 * path.
 */
public final class StudyLoader {

  /**
   * Study files are written by hand; anything bigger is a mistake, and reading it would only waste
   * memory.
   */
  static final long MAX_FILE_BYTES = 1L << 20;

  private final ObjectMapper yaml;
  private final ObjectMapper json;
  private final BindingErrors errors;

  /**
   * @param workloadKinds the workload records and their {@code kind} names
   */
  public StudyLoader(List<NamedType> workloadKinds) {
    NamedType[] kinds = workloadKinds.toArray(new NamedType[0]);
    this.yaml = strict(YAMLMapper.builder()).registerSubtypes(kinds).build();
    this.json = strict(JsonMapper.builder()).registerSubtypes(kinds).build();
    List<String> names = new ArrayList<>();
    workloadKinds.forEach(kind -> names.add(kind.getName()));
    this.errors = new BindingErrors(names);
  }

  /**
   * Settings shared by both formats: a key the records do not know, a value of the wrong type, a
   * duplicate key, or a second document is refused rather than guessed at.
   */
  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
    return builder
        .enable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        // 2.5 replications is a typo, not 2.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // "10" where a number belongs, or 10 where a duration with a unit belongs, is refused: a
        // bare
        // number for a duration has no unit, and silently converting hides that.
        .withCoercionConfigDefaults(
            config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /**
   * Loads and validates {@code file}.
   *
   * @param file where to read
   * @param displayName how messages name the file: as the user typed it
   * @throws StudyRejectedException with every problem found
   */
  public StudyPlan load(Path file, String displayName) {
    byte[] bytes = readText(file, displayName);
    ObjectMapper mapper = mapperFor(file, displayName);
    SourceMap source = scan(mapper, bytes, displayName);
    StudyFile study;
    try {
      study = mapper.readValue(bytes, StudyFile.class);
    } catch (JacksonException e) {
      throw StudyRejectedException.of(errors.toProblem(displayName, e, source));
    }
    return study.validate(new Problems(displayName, source));
  }

  private ObjectMapper mapperFor(Path file, String displayName) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return yaml;
    }
    if (name.endsWith(".json")) {
      return json;
    }
    throw rejected(displayName, "unsupported file type: a study file ends in .yaml, .yml or .json");
  }

  private SourceMap scan(ObjectMapper mapper, byte[] bytes, String displayName) {
    SourceMap source;
    try (JsonParser parser = mapper.createParser(bytes)) {
      source = SourceMap.scan(parser);
    } catch (JacksonException e) {
      throw StudyRejectedException.of(errors.toProblem(displayName, e, SourceMap.empty()));
    }
    if (source.rootToken() == null) {
      throw rejected(
          displayName, "the file is empty: a study needs at least 'name', 'run' and 'workload'");
    }
    if (source.rootToken() != JsonToken.START_OBJECT) {
      throw StudyRejectedException.of(
          new ConfigProblem(
              displayName,
              1,
              1,
              "",
              "the top level must be a mapping of keys such as 'name:', 'run:' and 'workload:'"));
    }
    return source;
  }

  private static byte[] readText(Path file, String displayName) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw rejected(displayName, "is a directory, not a study file");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw rejected(
            displayName,
            "too large for a study file (" + size + " bytes; the limit is " + MAX_FILE_BYTES + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw rejected(displayName, "no such file");
    } catch (IOException e) {
      throw rejected(displayName, "cannot read: " + e.getMessage());
    }
    checkIsText(bytes, displayName);
    return bytes;
  }

  /** Parsers say odd things about binary data; say plainly that it is not a text file. */
  private static void checkIsText(byte[] bytes, String displayName) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw rejected(displayName, "not a UTF-8 text file (binary content?)");
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
  }

  private static StudyRejectedException rejected(String displayName, String message) {
    return StudyRejectedException.of(new ConfigProblem(displayName, 0, 0, "", message));
  }
}
