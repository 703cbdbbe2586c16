package org.rnicsim.experiments.cli;

/** What the process tells its caller; scripts and CI tell bad input from a bug by these. */
public final class ExitCodes {
  public static final int OK = 0;

  /** A bug or an environment failure (disk full): not the user's input. */
  public static final int INTERNAL_FAILURE = 1;

  /** Bad input: a study file, an argument, an output folder. Same as picocli's usage error. */
  public static final int BAD_INPUT = 2;

  /** {@code lesson run}: the verifier named other invariants than the lesson's {@code expect}. */
  public static final int LESSON_EXPECTATION_MISSED = 3;

  private ExitCodes() {}
}
