package org.rnicsim.experiments.script;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.profile.ProfileValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a script's {@code steps:} as written: one step key (the action) with its arguments,
 * and an optional {@code say:}. The key selects the {@link StepSpec} record, which Jackson binds
 * like any record of a study, so an unknown key, a wrong type or a missing value is reported as a
 * study's are: at file, line and column, under its key path.
 *
 * @param key the step key ({@code createCq})
 * @param step the step's arguments, bound
 * @param say what the narration says at this step, or null
 * @param keyOnly whether the item is the bare key ({@code - settle})
 * @param mapping whether the arguments are a mapping ({@code createCq: {as: cq}}), not one bare
 *     value ({@code close: qp}) or none
 */
@JsonDeserialize(using = StepEntry.Reader.class)
public record StepEntry(String key, StepSpec step, String say, boolean keyOnly, boolean mapping) {

  /** Every step key in the order messages list them, and the record it selects. */
  private static final Map<String, Class<?>> KINDS = new LinkedHashMap<>();

  static {
    add(StepSpec.class);
  }

  /**
   * The step records are the records {@code type} permits, in the order its {@code permits} names
   * them (a sealed interface such as {@link StepSpec.Posting} in its place stands for its own); a
   * record's key is its name with a small first letter.
   */
  private static void add(Class<?> type) {
    for (Class<?> kind : type.getPermittedSubclasses()) {
      if (kind.isRecord()) {
        String name = kind.getSimpleName();
        KINDS.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), kind);
      } else if (kind.isSealed()) {
        add(kind);
      }
    }
  }

  /** Every step key, for messages and the schema. */
  public static List<String> keys() {
    return List.copyOf(KINDS.keySet());
  }

  /** The record the step key {@code key} selects, or null. */
  public static Class<?> kindOf(String key) {
    return KINDS.get(key);
  }

  /** The keys a step record takes, in its components' order. */
  public static List<String> keysOf(Class<?> kind) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent component : kind.getRecordComponents()) {
      keys.add(keyOf(component));
    }
    return keys;
  }

  /** The key of a component: its name, or the name its accessor's {@code @JsonProperty} gives. */
  public static String keyOf(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null ? renamed.value() : component.getName();
  }

  /** A value as messages describe it. */
  static String describe(JsonNode node) {
    if (node.isString()) {
      return "the text '" + node.asString() + "'";
    }
    if (node.isNumber()) {
      return "the number " + node.asString();
    }
    if (node.isBoolean()) {
      return node.asString();
    }
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "nothing";
  }

  /** Reads one item of a {@code steps:} list; the path in a message is the item's or below. */
  static final class Reader extends ValueDeserializer<StepEntry> {
    @Override
    public StepEntry deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode item = ctxt.readTree(p);
      if (item.isString()) {
        return entry(p, ctxt, item.asString(), null, null, true);
      }
      if (!item.isObject()) {
        throw new ProfileValueException(
            p, path -> "a step must be an action such as 'close: qp', got " + describe(item));
      }
      List<String> actions = new ArrayList<>(item.propertyNames());
      actions.remove("say");
      if (actions.size() != 1) {
        throw new ProfileValueException(
            p,
            path ->
                "a step is one action key (and optionally 'say'); '"
                    + path
                    + "' has "
                    + (actions.isEmpty() ? "none" : String.join(", ", actions)));
      }
      JsonNode say = item.get("say");
      if (say != null && !say.isNull() && !say.isString()) {
        throw new ProfileValueException(
                p, path -> "'" + path + "' must be text, got " + describe(say))
            .prependPath(item, "say");
      }
      String key = actions.get(0);
      String text = say == null || say.isNull() ? null : say.asString();
      return entry(p, ctxt, key, item.get(key), text, false);
    }

    private static StepEntry entry(
        JsonParser p,
        DeserializationContext ctxt,
        String key,
        JsonNode args,
        String say,
        boolean keyOnly) {
      Class<?> kind = KINDS.get(key);
      if (kind == null) {
        throw new ProfileValueException(
            p,
            path ->
                "unknown step '" + key + "' (known: " + String.join(", ", KINDS.keySet()) + ")");
      }
      boolean valued = StepSpec.Valued.class.isAssignableFrom(kind);
      boolean mapping = args != null && args.isObject() && !valued;
      boolean bare = !mapping && args != null && !args.isNull();
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      try {
        if (mapping) {
          fields = (ObjectNode) args;
        } else if (bare) {
          fields.set(bareKey(p, kind, args), args);
        }
        StepSpec spec = (StepSpec) ctxt.readTreeAsValue(fields, kind);
        return new StepEntry(key, spec, say, keyOnly, mapping);
      } catch (JacksonException e) {
        JacksonException located = bare ? atTheStep(p, e, args) : inTheStep(p, e, fields);
        throw keyOnly ? located : located.prependPath(args, key);
      }
    }

    /**
     * The key a bare value stands for: the first of a {@link StepSpec.Named} step ({@code close:
     * qp}), the one of a {@link StepSpec.Valued} step ({@code runFor: 5us}); other steps take a
     * mapping.
     */
    private static String bareKey(JsonParser p, Class<?> kind, JsonNode value) {
      if (!StepSpec.Named.class.isAssignableFrom(kind)
          && !StepSpec.Valued.class.isAssignableFrom(kind)) {
        throw new ProfileValueException(
            p,
            path ->
                "'"
                    + path
                    + "' takes a mapping of "
                    + String.join(", ", keysOf(kind))
                    + "; got "
                    + describe(value));
      }
      return keyOf(kind.getRecordComponents()[0]);
    }

    /** A bare value's problem, said of the step's own value ({@code runFor: 5}). */
    private static JacksonException atTheStep(JsonParser p, JacksonException e, JsonNode value) {
      if (e instanceof ProfileValueException refused) {
        return new ProfileValueException(p, refused::messageAt);
      }
      return e instanceof MismatchedInputException mismatch
          ? wrongType(p, expected(mismatch), value)
          : e;
    }

    /**
     * A problem inside the step's mapping, with the value it is about: the step's record is read
     * from its own tree, so Jackson's own account of a wrong type names the item's token instead.
     */
    private static JacksonException inTheStep(JsonParser p, JacksonException e, JsonNode fields) {
      if (!(e instanceof MismatchedInputException mismatch)
          || e instanceof ProfileValueException
          || e instanceof UnrecognizedPropertyException) {
        return e;
      }
      JsonNode value = fields;
      for (JacksonException.Reference step : e.getPath()) {
        value =
            step.getPropertyName() != null
                ? value.path(step.getPropertyName())
                : value.path(step.getIndex());
      }
      JacksonException located = wrongType(p, expected(mismatch), value);
      List<JacksonException.Reference> path = new ArrayList<>(e.getPath());
      for (int i = path.size() - 1; i >= 0; i--) {
        located.prependPath(path.get(i));
      }
      return located;
    }

    private static String expected(MismatchedInputException e) {
      Class<?> type = e.getTargetType();
      if (type == Long.class) {
        return "a whole number";
      }
      if (type == Boolean.class) {
        return "true or false";
      }
      return type != null && List.class.isAssignableFrom(type) ? "a list" : "a text value";
    }

    private static JacksonException wrongType(JsonParser p, String expected, JsonNode value) {
      return new ProfileValueException(
          p,
          path ->
              "wrong type at '" + path + "': expected " + expected + ", got " + describe(value));
    }
  }
}
