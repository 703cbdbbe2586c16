package org.rnicsim.ndk.api;

/**
 * A consumer broke one of its duties in a way that has no NDK answer: a call on an object whose
 * close was issued, a second close, CloseAdapter from a callback, or a CloseAdapter that can never
 * return because objects below the adapter stay open. In C such a call is a use after free or a
 * hang; in the simulation the call ends with this exception instead of a made-up status, and
 * nothing happened to the object. The message says what was wrong and which rule of
 * docs/ndk-consumer-rules.md (C1 to C9) it breaks.
 */
public final class NdkMisuseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String rule;

  /**
   * @param rule the consumer rule broken, "C1" to "C9"
   * @param message what the consumer did, in plain words
   */
  public NdkMisuseException(String rule, String message) {
    super(rule + ": " + message, null, false, false);
    this.rule = rule;
  }

  /** The consumer rule broken, "C1" to "C9" (docs/ndk-consumer-rules.md). */
  public String rule() {
    return rule;
  }
}
