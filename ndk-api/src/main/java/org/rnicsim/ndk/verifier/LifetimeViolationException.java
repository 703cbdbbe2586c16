package org.rnicsim.ndk.verifier;

import java.util.Objects;

/** Thrown in {@link VerifierMode#STRICT} mode at the first violation; carries its record. */
public final class LifetimeViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Violation violation;

  /** An exception whose message is the violation rendered as in {@link ViolationReport}. */
  public LifetimeViolationException(Violation violation) {
    super(ViolationReport.render(Objects.requireNonNull(violation, "violation")));
    this.violation = violation;
  }

  /** The violation that stopped the run. */
  public Violation violation() {
    return violation;
  }
}
