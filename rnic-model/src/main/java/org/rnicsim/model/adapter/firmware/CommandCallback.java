package org.rnicsim.model.adapter.firmware;

/**
 * Runs exactly once per submitted command: in the DPC of the command event queue on success, at the
 * driver's timeout, or at surprise removal.
 */
@FunctionalInterface
public interface CommandCallback {
  void onComplete(CommandResult result);
}
