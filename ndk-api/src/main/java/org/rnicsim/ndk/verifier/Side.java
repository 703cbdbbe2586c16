package org.rnicsim.ndk.verifier;

/** Which side of the NDK contract broke a rule. */
public enum Side {
  /** The NDK provider (the driver below the verifier) broke one of its obligations. */
  PROVIDER,
  /** The consumer (the code above the verifier) broke one of its obligations. */
  CONSUMER;

  /** "the provider" or "the consumer", for report sentences. */
  public String phrase() {
    return this == PROVIDER ? "the provider" : "the consumer";
  }
}
