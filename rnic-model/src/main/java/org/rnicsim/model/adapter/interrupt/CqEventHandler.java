package org.rnicsim.model.adapter.interrupt;

/**
 * Receives the completion events of one CQ. Called from the DPC on the event queue's core at the
 * time the DPC starts; whatever the handler does on the host CPU it submits to that core itself.
 * The CQ's arm has already cleared: the handler re-arms it when it wants another event.
 */
@FunctionalInterface
public interface CqEventHandler {
  void onCqEvent(int cqId);
}
