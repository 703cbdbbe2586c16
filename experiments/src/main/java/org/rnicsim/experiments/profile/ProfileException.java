package org.rnicsim.experiments.profile;

/**
 * A profile file that cannot be used. The message names the file, the line and column, the key path
 * and what is wrong, so a user can fix it without reading a stack trace.
 */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }

  public ProfileException(String message, Throwable cause) {
    super(message, cause);
  }
}
