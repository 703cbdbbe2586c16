package org.rnicsim.experiments.profile;

import java.lang.reflect.RecordComponent;
import java.util.function.Predicate;
import org.rnicsim.engine.Units;
import org.rnicsim.model.profile.AdapterLimits;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.CongestionControlProfile;
import org.rnicsim.model.profile.DmaProfile;
import org.rnicsim.model.profile.FirmwareProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.profile.PcieProfile;
import org.rnicsim.model.profile.PortProfile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.module.SimpleModule;

/**
 * Teaches Jackson the profile files' keys and units ({@link ProfileKeys}) without annotating the
 * model: a mix-in names every profile record's keys without their unit suffix, and the whole
 * numbers of those records are read by a deserializer that knows, from the component's name,
 * whether the value is a count or a duration, size or rate with a unit.
 */
public final class ProfileModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The model's profile records: every one is keyed and read the same way. */
  private static final Class<?>[] RECORDS = {
    HardwareProfile.class,
    HostProfile.class,
    PcieProfile.class,
    AdapterProfile.class,
    DmaProfile.class,
    CacheProfile.class,
    PortProfile.class,
    AdapterLimits.class,
    FirmwareProfile.class,
    CongestionControlProfile.class
  };

  /**
   * The attribute under which a binder passes a {@code Predicate<TokenStreamContext>} that says
   * which values it cut out after reporting them: those read as zero rather than as a second
   * problem, so that binding goes on to find the rest.
   */
  public static final String CUT_VALUES = "rnicsim.cutValues";

  public ProfileModule() {
    super("rnicsim-profiles");
    for (Class<?> record : RECORDS) {
      setMixInAnnotation(record, KeysWithoutUnits.class);
    }
    addDeserializer(any(long.class), new WholeNumber(long.class, null));
    addDeserializer(any(int.class), new WholeNumber(int.class, null));
  }

  /** A primitive's class as the module's registry takes it; the deserializer returns its box. */
  @SuppressWarnings("unchecked")
  private static Class<Object> any(Class<?> type) {
    return (Class<Object>) type;
  }

  /** The mix-in of every profile record. */
  @JsonNaming(UnitSuffixNaming.class)
  private abstract static class KeysWithoutUnits {}

  /** {@code flightLatencyPs} is written {@code flightLatency}. */
  public static final class UnitSuffixNaming extends PropertyNamingStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public String nameForField(MapperConfig<?> config, AnnotatedField field, String name) {
      return ProfileKeys.keyOf(name);
    }

    @Override
    public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String name) {
      return ProfileKeys.keyOf(name);
    }

    @Override
    public String nameForConstructorParameter(
        MapperConfig<?> config, AnnotatedParameter parameter, String name) {
      return ProfileKeys.keyOf(name);
    }
  }

  /** A whole-number component: a count, or (by its name's suffix) a quantity with a unit. */
  private static final class WholeNumber extends ValueDeserializer<Object> {
    private final Class<?> type;
    private final String component;

    WholeNumber(Class<?> type, String component) {
      this.type = type;
      this.component = component;
    }

    @Override
    public ValueDeserializer<?> createContextual(
        DeserializationContext ctxt, BeanProperty property) {
      if (property == null || property.getMember() == null) {
        return this;
      }
      Class<?> owner = property.getMember().getDeclaringClass();
      if (owner.isRecord()) {
        for (RecordComponent candidate : owner.getRecordComponents()) {
          if (ProfileKeys.keyOf(candidate.getName()).equals(property.getName())) {
            return new WholeNumber(type, candidate.getName());
          }
        }
      }
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getNullValue(DeserializationContext ctxt) {
      if (ctxt.getAttribute(CUT_VALUES) instanceof Predicate<?> cut
          && ((Predicate<TokenStreamContext>) cut).test(ctxt.getParser().streamReadContext())) {
        return type == int.class ? (Object) 0 : (Object) 0L;
      }
      throw new ProfileValueException(
          ctxt.getParser(),
          path ->
              "'"
                  + path
                  + "' needs a value: "
                  + ProfileKeys.expectedForm(component == null ? "" : component, type));
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      String name = component == null ? "" : component;
      String form = ProfileKeys.expectedForm(name, type);
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        String shape = token == JsonToken.START_ARRAY ? "a list" : "a mapping";
        throw new ProfileValueException(
            p, path -> "'" + path + "' must be " + form + ", not " + shape);
      }
      boolean unit = ProfileKeys.hasUnit(name, type);
      if (unit && token.isNumeric()) {
        String got = p.getString();
        throw new ProfileValueException(
            p, path -> "'" + path + "' needs a unit: " + form + " (got " + got + ")");
      }
      String text = p.getString().trim();
      if (!unit && token != JsonToken.VALUE_NUMBER_INT) {
        throw new ProfileValueException(
            p, path -> "'" + path + "' must be " + form + " (got \"" + text + "\")");
      }
      try {
        long value = unit ? quantity(name, text) : p.getLongValue();
        return type == int.class ? (Object) Math.toIntExact(value) : (Object) value;
      } catch (IllegalArgumentException | ArithmeticException e) {
        String why = e instanceof IllegalArgumentException && unit ? e.getMessage() : "too large";
        throw new ProfileValueException(
            p, path -> "bad value at '" + path + "': " + why + " (expected " + form + ")");
      }
    }

    private static long quantity(String name, String text) {
      if (name.endsWith("BitsPerSecond")) {
        return Units.parseBitsPerSecond(text);
      }
      if (name.endsWith("Bytes")) {
        return Units.parseBytes(text);
      }
      return Units.parseDurationPs(text);
    }
  }
}
