package org.rnicsim.model.adapter.interrupt;

/** Receives firmware command completion EQEs, from the DPC of the command event queue. */
@FunctionalInterface
public interface CommandCompletionListener {
  void onCommandCompletion(long commandToken);
}
