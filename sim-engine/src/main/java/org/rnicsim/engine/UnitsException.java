package org.rnicsim.engine;

/** Text that does not parse as a quantity with a known unit; the message quotes the text. */
public final class UnitsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnitsException(String message) {
    super(message);
  }
}
