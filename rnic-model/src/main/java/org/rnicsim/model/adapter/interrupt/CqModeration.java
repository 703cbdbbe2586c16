package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.SimTime;

/**
 * Static interrupt moderation of one CQ: an event is raised when {@code maxCount} CQEs have
 * accumulated since the CQ's previous event, or when {@code periodPs} has passed since the timer
 * started ({@link ModerationTimerStart}), whichever comes first, and only while the CQ is armed.
 *
 * <p>A period of 0 or a count of 0 or 1 switches moderation off: every qualifying CQE raises an
 * event at once. {@link #NO_LIMIT} in one field means that limit never governs; in both fields it
 * would mean no event ever, which is refused.
 *
 * @param periodPs longest delay the timer allows, or {@link #NO_LIMIT}
 * @param maxCount CQEs that raise the event at once, or {@link #NO_LIMIT}
 * @param timerStart where the period starts counting
 */
public record CqModeration(long periodPs, long maxCount, ModerationTimerStart timerStart) {
  /** A limit that never governs. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  /** The all-ones unsigned 32-bit value that a driver request uses for "no limit". */
  public static final long DRIVER_NO_LIMIT = 0xFFFF_FFFFL;

  /** No moderation: every CQE that satisfies the arm raises an event at once. */
  public static final CqModeration OFF = new CqModeration(0, 0, ModerationTimerStart.EQE);

  public CqModeration {
    if (periodPs < 0 || maxCount < 0) {
      throw new IllegalArgumentException(
          "moderation period and count must be >= 0, were " + periodPs + " ps and " + maxCount);
    }
    if (timerStart == null) {
      throw new IllegalArgumentException("moderation needs a timer start (EQE or CQE)");
    }
    if (periodPs == NO_LIMIT && maxCount == NO_LIMIT) {
      throw new IllegalArgumentException(
          "moderation with neither a period nor a count limit would never raise an event");
    }
  }

  /** Count and period with the timer starting at the CQ's previous event. */
  public static CqModeration of(long periodPs, long maxCount) {
    return new CqModeration(periodPs, maxCount, ModerationTimerStart.EQE);
  }

  /** Calibration I1: Linux mlx5's default, 16 us or 32 completions, timer from the EQE. */
  public static CqModeration mlx5Default() {
    return new CqModeration(16 * SimTime.PS_PER_US, 32, ModerationTimerStart.EQE);
  }

  /** Calibration I1: mlx5 with the timer starting at the CQE, 3 us or 32 completions. */
  public static CqModeration mlx5CqeTimerDefault() {
    return new CqModeration(3 * SimTime.PS_PER_US, 32, ModerationTimerStart.CQE);
  }

  /**
   * Moderation as a driver asks for it per CQ, with the semantics ndkpi-spec section 6 gives
   * ControlCqInterruptModeration (calibration I4): {@code intervalUs} is the longest delay in
   * microseconds, 0 = off, {@link #DRIVER_NO_LIMIT} = the count alone governs; {@code count} is the
   * most completions before the event, 0 or 1 = off, {@link #DRIVER_NO_LIMIT} or more than the CQ's
   * depth = the interval alone governs. Both unlimited is refused (the caller reports an invalid
   * parameter mix). The latest request replaces the earlier one.
   *
   * @throws IllegalArgumentException for values outside 0..2^32-1 or both limits unlimited
   */
  public static CqModeration fromDriverRequest(
      long intervalUs, long count, long cqDepth, ModerationTimerStart timerStart) {
    if (intervalUs < 0 || intervalUs > DRIVER_NO_LIMIT || count < 0 || count > DRIVER_NO_LIMIT) {
      throw new IllegalArgumentException(
          "interval and count are unsigned 32-bit values, were " + intervalUs + " and " + count);
    }
    if (intervalUs == 0 || count <= 1) {
      return OFF;
    }
    long periodPs = intervalUs == DRIVER_NO_LIMIT ? NO_LIMIT : intervalUs * SimTime.PS_PER_US;
    long maxCount = count == DRIVER_NO_LIMIT || count > cqDepth ? NO_LIMIT : count;
    return new CqModeration(periodPs, maxCount, timerStart);
  }

  /** True when every qualifying CQE raises an event at once. */
  public boolean isOff() {
    return periodPs == 0 || maxCount <= 1;
  }

  @Override
  public String toString() {
    if (isOff()) {
      return "moderation off";
    }
    String period = periodPs == NO_LIMIT ? "no period" : SimTime.format(periodPs);
    String count = maxCount == NO_LIMIT ? "no count" : maxCount + " CQEs";
    return period + " / " + count + " (timer from " + timerStart + ")";
  }
}
