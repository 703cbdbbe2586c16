package org.rnicsim.experiments.study;

import java.util.List;
import org.rnicsim.experiments.profile.ProfileModule;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The two strict mappers study files are read with, one per format, sharing every setting. */
final class StudyMappers {
  final ObjectMapper yaml;
  final ObjectMapper json;

  /**
   * The mapper of the model's hardware profile records, in profile files and in a study's {@code
   * hardware} section alike: keys and units as {@link ProfileModule} teaches them, enum constants
   * in any case, every component required.
   */
  static final ObjectMapper HARDWARE =
      strict(JsonMapper.builder())
          .addModule(new ProfileModule())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  StudyMappers(List<NamedType> workloadKinds) {
    NamedType[] kinds = workloadKinds.toArray(new NamedType[0]);
    this.yaml = strict(YAMLMapper.builder()).registerSubtypes(kinds).build();
    this.json = strict(JsonMapper.builder()).registerSubtypes(kinds).build();
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
        // bare number for a duration has no unit, and silently converting hides that.
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
}
