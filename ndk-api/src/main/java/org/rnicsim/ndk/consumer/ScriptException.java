package org.rnicsim.ndk.consumer;

/**
 * A script that cannot go on: a step names an object that does not exist yet, waits for something
 * that never happens, or the adapter close can never finish. It names the step where it happened.
 */
public final class ScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;

  public ScriptException(String where, String message) {
    super(where + ": " + message, null, false, false);
    this.where = where;
  }

  /** Where the step was written ({@code file:line}). */
  public String where() {
    return where;
  }
}
