package org.rnicsim.ndk.verifier;

/** What the verifier does when it finds a violation. */
public enum VerifierMode {
  /** Record every violation and carry on; read them with {@link LifetimeVerifier#violations()}. */
  COLLECTING,
  /** Throw a {@link LifetimeViolationException} at the first violation. */
  STRICT
}
