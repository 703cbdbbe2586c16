package org.rnicsim.ndk.api.constant;

/**
 * NDK_CQ_NOTIFY_* (ndkpi-spec 4, CQ arming): the {@code Type} argument of ArmCq.
 *
 * <p>The numeric values (ERRORS 0, ANY 1, SOLICITED 2) are not the strength order; {@link
 * #strength()} and {@link #stronger(NdkCqNotificationType)} give the order ERRORS &lt; SOLICITED
 * &lt; ANY that re-arming keeps (invariant 16).
 */
public enum NdkCqNotificationType {
  /** NDK_CQ_NOTIFY_ERRORS 0: notify on CQ errors only. */
  ERRORS(0, 0),
  /** NDK_CQ_NOTIFY_ANY 1: notify on the next new completion. */
  ANY(1, 2),
  /**
   * NDK_CQ_NOTIFY_SOLICITED 2: notify on a receive completing for a send flagged {@link
   * NdkOpFlag#SEND_AND_SOLICIT_EVENT}; error completions always count as solicited.
   */
  SOLICITED(2, 1);

  private final int value;
  private final int strength;

  NdkCqNotificationType(int value, int strength) {
    this.value = value;
    this.strength = strength;
  }

  /** The header value passed to NdkArmCq. */
  public int value() {
    return value;
  }

  /** Rank in the order ERRORS (0) &lt; SOLICITED (1) &lt; ANY (2). */
  public int strength() {
    return strength;
  }

  /**
   * The arm that stays in force when {@code other} is armed while this one has not fired yet:
   * max(this, other) in strength order (ndkpi-spec 4, invariant 16).
   */
  public NdkCqNotificationType stronger(NdkCqNotificationType other) {
    return other.strength > strength ? other : this;
  }

  /**
   * The constant for a header value.
   *
   * @throws IllegalArgumentException if the value is not 0, 1 or 2
   */
  public static NdkCqNotificationType fromValue(int value) {
    for (NdkCqNotificationType type : values()) {
      if (type.value == value) {
        return type;
      }
    }
    throw new IllegalArgumentException("no NDK_CQ_NOTIFY type has value " + value);
  }
}
