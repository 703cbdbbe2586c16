package org.rnicsim.experiments.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.util.List;
import java.util.Set;
import org.rnicsim.experiments.study.ChartChoice;
import org.rnicsim.experiments.study.Duration;
import org.rnicsim.experiments.study.Percentage;
import org.rnicsim.experiments.study.Size;
import org.rnicsim.experiments.study.StudyFile;
import org.rnicsim.experiments.study.SweepAxis;
import org.rnicsim.experiments.study.Workload;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the schema of study files from {@link StudyFile} and the registered workload kinds:
 * unknown keys are refused (as the loader refuses them), {@code workload} is one of the kinds with
 * its {@code kind} fixed, and descriptions come from {@code @JsonPropertyDescription} on the
 * records. Defaults are not repeated here; {@code configs/defaults.yaml} holds them.
 */
public final class StudySchema {
  /** Keys a study file must write itself: everything else has a default. */
  private static final Set<String> REQUIRED = Set.of("name", "workload", "path");

  /** Values bound from text with a unit. */
  private static final Set<Class<?>> WITH_UNITS =
      Set.of(Duration.class, Size.class, Percentage.class);

  private StudySchema() {}

  /** The schema as indented JSON text ending in a newline, the same bytes on every run. */
  public static String generate(List<NamedType> workloadKinds) {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
    config
        .forFields()
        .withDescriptionResolver(
            field -> {
              JsonPropertyDescription description =
                  field.getAnnotationConsideringFieldAndGetter(JsonPropertyDescription.class);
              return description == null ? null : description.value();
            })
        .withRequiredCheck(field -> REQUIRED.contains(field.getName()));
    config
        .forTypesInGeneral()
        // A value of any shape: sweep values and range ends are checked where they are bound.
        .withCustomDefinitionProvider(
            (type, context) ->
                type.getErasedType() == Object.class
                    ? new CustomDefinition(context.getGeneratorConfig().createObjectNode())
                    : null)
        // A duration, size or percentage is written as text with its unit.
        .withCustomDefinitionProvider(
            (type, context) ->
                WITH_UNITS.contains(type.getErasedType())
                    ? new CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "string"),
                        CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES)
                    : null)
        .withSubtypeResolver(
            (declared, context) ->
                declared.getErasedType() == Workload.class
                    ? workloadKinds.stream()
                        .map(
                            kind ->
                                context.getTypeContext().resolveSubtype(declared, kind.getType()))
                        .toList()
                    : null)
        .withTypeAttributeOverride(
            (attributes, scope, context) -> {
              for (NamedType kind : workloadKinds) {
                if (scope.getType().getErasedType() == kind.getType()) {
                  fixKind(attributes, kind.getName());
                }
              }
            })
        .withTitleResolver(
            scope ->
                scope.getType().getErasedType() == StudyFile.class
                    ? "rnicsim study file"
                    : scope.getType().getErasedType() == SweepAxis.class
                        ? "sweep axis: a path and its values, or a range from/to/step"
                        : null);
    ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(StudyFile.class);
    ProviderSchema.addTo(schema);
    StepSchema.addTo(schema);
    HardwareSchema.addTo(schema);
    chartsShape(schema);
    String text =
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(schema)
            .replace("\r\n", "\n");
    return text + "\n";
  }

  /**
   * {@code charts} is bound as any value and checked by the loader, which knows each kind's chart
   * names; an editor can still tell the two words from a list of names.
   */
  private static void chartsShape(ObjectNode schema) {
    ObjectNode properties = schema.withObjectProperty("properties");
    String description = properties.path(ChartChoice.KEY).path("description").asString();
    ObjectNode charts = properties.putObject(ChartChoice.KEY);
    charts.put("description", description);
    ArrayNode anyOf = charts.putArray("anyOf");
    ObjectNode word = anyOf.addObject();
    word.put("type", "string");
    word.putArray("enum").add("all").add("none");
    ObjectNode list = anyOf.addObject();
    list.put("type", "array");
    list.putObject("items").put("type", "string");
    list.put("uniqueItems", true);
  }

  /** A workload record names its kind in the {@code kind} key, which must be present. */
  private static void fixKind(ObjectNode attributes, String kind) {
    ObjectNode properties = attributes.withObjectProperty("properties");
    ObjectNode kindProperty = properties.putObject("kind");
    kindProperty.put("const", kind);
    kindProperty.put("description", "the workload kind");
    ArrayNode required = attributes.withArrayProperty("required");
    required.insert(0, "kind");
  }
}
