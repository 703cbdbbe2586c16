package org.rnicsim.experiments.profile;

import java.util.function.UnaryOperator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value Jackson could read but rnicsim cannot take (a profile's duration without a unit, an
 * unknown unit, a script's unknown step), with its message for people; the message names the key
 * path, which only the binder that catches it knows.
 */
public final class ProfileValueException extends MismatchedInputException {
  private static final long serialVersionUID = 1L;

  private final transient UnaryOperator<String> messageAt;

  public ProfileValueException(JsonParser parser, UnaryOperator<String> messageAt) {
    super(parser, messageAt.apply("value"));
    this.messageAt = messageAt;
  }

  /** The message for the value at {@code path}. */
  public String messageAt(String path) {
    return messageAt.apply(path);
  }
}
