package org.rnicsim.ndk.verifier;

/** What the verifier does when it finds a violation. */
public enum VerifierMode {
  /** Record every violation and carry on; read them with {@link LifetimeVerifier#violations()}. */
  COLLECTING,
  /**
   * Throw a {@link LifetimeViolationException} at the first violation. The exception may unwind
   * through the provider's code (when the violation is seen in a callback), so the run should stop
   * there; the verifier's own bookkeeping stays consistent.
   */
  STRICT
}
