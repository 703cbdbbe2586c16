package org.rnicsim.model.adapter.interrupt;

/**
 * What an armed CQ waits for before it raises an event. The hardware arm is one-shot: it clears
 * when the event is raised. Ordered from weaker to stronger, so re-arming keeps the stronger type
 * (ndkpi-spec section 4, CQ arming).
 */
public enum CqArmType {
  /** Only a solicited CQE (a receive for a send flagged solicited) or an error CQE. */
  SOLICITED,
  /** Any new CQE. */
  NEXT;

  /** The stronger of two arm types; {@code current} may be null (not armed). */
  public static CqArmType stronger(CqArmType current, CqArmType requested) {
    if (current == null) {
      return requested;
    }
    return current.compareTo(requested) >= 0 ? current : requested;
  }
}
