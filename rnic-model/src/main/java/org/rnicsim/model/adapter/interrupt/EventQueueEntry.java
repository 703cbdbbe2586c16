package org.rnicsim.model.adapter.interrupt;

/** One EQE, as the adapter writes it into an event queue in host memory. */
sealed interface EventQueueEntry {
  /** When the adapter posted the EQE write. */
  long writtenPs();

  /**
   * A CQ raised an event.
   *
   * @param cqeCount CQEs that landed on the CQ since its previous event
   * @param eligibleSincePs when the CQ first was armed and held a CQE that satisfied the arm: an
   *     unmoderated adapter would have raised the event then
   */
  record Completion(int cqId, int cqeCount, long eligibleSincePs, long writtenPs)
      implements EventQueueEntry {}

  /** A firmware command finished. */
  record CommandDone(long commandToken, long writtenPs) implements EventQueueEntry {}
}
