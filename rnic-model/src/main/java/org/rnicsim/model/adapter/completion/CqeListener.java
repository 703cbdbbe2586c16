package org.rnicsim.model.adapter.completion;

/**
 * Told at the simulated time each CQE lands in a CQ ring. This is where an event queue, interrupt
 * moderation and MSI-X hook in, and where a polling consumer learns there is something to poll.
 */
@FunctionalInterface
public interface CqeListener {
  /** A CQE has landed in {@code cq}; it can be polled from now on. */
  void cqeLanded(CompletionQueue cq);

  /** A listener that tells {@code first}, then {@code second}. */
  static CqeListener both(CqeListener first, CqeListener second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return cq -> {
      first.cqeLanded(cq);
      second.cqeLanded(cq);
    };
  }
}
