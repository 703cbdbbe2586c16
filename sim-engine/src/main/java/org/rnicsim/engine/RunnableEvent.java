package org.rnicsim.engine;

/** A one-shot event that runs a lambda; what {@link RnicSimulator#schedule} creates. */
final class RunnableEvent extends SimEvent {
  private final Runnable action;

  RunnableEvent(Runnable action) {
    this.action = action;
  }

  @Override
  protected void fire() {
    action.run();
  }

  @Override
  public String toString() {
    return "event at " + SimTime.format(timePs) + ": " + action;
  }
}
