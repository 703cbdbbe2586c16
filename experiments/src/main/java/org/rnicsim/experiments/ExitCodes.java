package org.rnicsim.experiments;

/** What the process tells its caller; scripts and CI tell bad input from a bug by these. */
public final class ExitCodes {
  public static final int OK = 0;

  /** A bug or an environment failure (disk full): not the user's input. */
  public static final int INTERNAL_FAILURE = 1;

  /** Bad input: a study file, an argument, an output folder. Same as picocli's usage error. */
  public static final int BAD_INPUT = 2;

  /**
   * The run went through but broke the NDK rules it was held to: {@code lesson run} when the
   * lifetime verifier names other invariants than the lesson's {@code expect}, {@code exercise
   * check} when a solution breaks a rule or misses a goal.
   */
  public static final int RULES_BROKEN = 3;

  /** {@code rnicsim calibrate}: it ran, and at least one figure is outside its tolerance. */
  public static final int CALIBRATION_FAILED = 3;

  private ExitCodes() {}
}
