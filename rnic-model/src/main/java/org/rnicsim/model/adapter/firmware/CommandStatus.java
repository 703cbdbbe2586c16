package org.rnicsim.model.adapter.firmware;

/** How a firmware command ended, as the driver learns it. */
public enum CommandStatus {
  /** The adapter finished the command and reported it by an EQE. */
  SUCCESS,
  /** The adapter did not report it within the driver's timeout; the driver gave up on it. */
  TIMED_OUT,
  /** The adapter was surprise-removed before the command completed, or before it was issued. */
  DEVICE_REMOVED
}
