package org.rnicsim.experiments.study;

import org.rnicsim.experiments.profile.ProfileValueException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a value written with its unit ({@code "5us"}, {@code "4KiB"}) into its base unit as the
 * value is bound, so a bare number, a mapping or an unknown unit is refused at the value's own key
 * path with what was expected.
 */
abstract class QuantityReader<T> extends ValueDeserializer<T> {
  private final Quantity quantity;
  private final String example;

  QuantityReader(Quantity quantity, String example) {
    this.quantity = quantity;
    this.example = example;
  }

  /** The value of {@code baseValue} base units. */
  abstract T of(long baseValue);

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    String noun = quantity.noun();
    if (token != JsonToken.VALUE_STRING) {
      String got =
          token == JsonToken.START_OBJECT
              ? "a mapping"
              : token == JsonToken.START_ARRAY
                  ? "a list"
                  : token.isNumeric() ? "the number " + p.getString() : p.getString();
      throw new ProfileValueException(
          p,
          path ->
              "'"
                  + path
                  + "' must be a "
                  + noun
                  + " with a unit, such as \""
                  + example
                  + "\"; got "
                  + got);
    }
    String text = p.getString();
    try {
      return of(quantity.parse(text));
    } catch (IllegalArgumentException e) {
      // UnitsException quotes the text in its message.
      throw new ProfileValueException(
          p, path -> "bad " + noun + " at '" + path + "': " + e.getMessage());
    }
  }
}
