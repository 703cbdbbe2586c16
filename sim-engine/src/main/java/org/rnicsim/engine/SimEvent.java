package org.rnicsim.engine;

/**
 * An event that the model may schedule again and again without allocating: hot paths (a link
 * serialising packets, a DMA engine issuing reads) keep one instance and reschedule it. The fields
 * are owned by the {@link EventList}; an instance waits in at most one list at a time.
 */
public abstract class SimEvent implements EventHandle {
  long timePs;

  /** Priority and insertion sequence packed so that one comparison orders ties (see EventList). */
  long tieBreak;

  int heapIndex = -1;

  /** Executes the event; called by the simulator at {@link #timePs()}. */
  protected abstract void fire();

  @Override
  public final long timePs() {
    return timePs;
  }

  @Override
  public final boolean isScheduled() {
    return heapIndex >= 0;
  }
}
