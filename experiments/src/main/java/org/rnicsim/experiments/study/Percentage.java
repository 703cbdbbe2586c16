package org.rnicsim.experiments.study;

import java.util.regex.Pattern;
import org.rnicsim.experiments.profile.ProfileValueException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A percentage below 100 written with its sign ({@code "10%"}, {@code "2.5%"}), as a fraction once
 * bound.
 *
 * @param fraction the percentage over 100, in [0, 1)
 */
@JsonDeserialize(using = Percentage.Reader.class)
public record Percentage(double fraction) {
  /** Up to two digits and three decimals: 100 % and more is no jitter anyone means. */
  static final Pattern WRITTEN = Pattern.compile("\\d{1,2}(\\.\\d{1,3})?%");

  static final class Reader extends ValueDeserializer<Percentage> {
    @Override
    public Percentage deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      String text = token == JsonToken.VALUE_STRING ? p.getString().strip() : "";
      if (!WRITTEN.matcher(text).matches()) {
        String got =
            token == JsonToken.VALUE_STRING
                ? "'" + p.getString() + "'"
                : token == JsonToken.START_OBJECT
                    ? "a mapping"
                    : token == JsonToken.START_ARRAY
                        ? "a list"
                        : token.isNumeric() ? "the number " + p.getString() : p.getString();
        throw new ProfileValueException(
            p,
            path -> "'" + path + "' must be a percentage below 100, such as \"10%\"; got " + got);
      }
      return new Percentage(Double.parseDouble(text.substring(0, text.length() - 1)) / 100);
    }
  }
}
