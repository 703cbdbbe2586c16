package org.rnicsim.ndk.consumer;

/** An object's lifetime as the consumer sees it (ndkpi-spec 2, 3), one swimlane per object. */
public enum LaneState {
  /** The create returned PENDING; the object does not exist for the consumer yet. */
  CREATE_PENDING("create pending"),
  /** Delivered and not closed: the consumer may use it. */
  READY("ready"),
  /** The close returned PENDING: waiting for outstanding work, callbacks, successors. */
  CLOSE_PENDING("close pending"),
  /** Closed: no callback of any kind may follow (invariant 6). */
  CLOSED("closed"),
  /** The create failed: no object, nothing to close (invariant 3). */
  FAILED("failed");

  private final String label;

  LaneState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
