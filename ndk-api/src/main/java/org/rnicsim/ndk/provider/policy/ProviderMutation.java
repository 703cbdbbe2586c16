package org.rnicsim.ndk.provider.policy;

/**
 * Deliberately broken provider variants, for testing that the lifetime verifier (and the provider's
 * own tests) catch each broken rule with the right invariant number. Never set in a profile: a
 * provider built without mutations keeps every rule. Each constant names the invariant it breaks.
 */
public enum ProviderMutation {
  /** Invariant 1: an inline (SUCCESS) create also runs its create completion. */
  CREATE_COMPLETION_AFTER_INLINE_SUCCESS(1),
  /** Invariant 5: a close that returns SUCCESS still runs its close completion. */
  CLOSE_COMPLETION_AFTER_SUCCESS(5),
  /** Invariant 6: a CQ with a notification callback gets one more notification after its close. */
  CALLBACK_AFTER_CLOSE(6),
  /** Invariants 7, 8: a close completes while a callback on the object is still running. */
  CLOSE_WHILE_CALLBACK_RUNS(8),
  /** Invariants 9, 20: closing a QP does not flush its pending requests. */
  CLOSE_WITHOUT_FLUSH(9),
  /** Invariant 10: an antecedent's close completes while successors are open. */
  ANTECEDENT_CLOSE_BEFORE_SUCCESSOR(10),
  /** Invariant 12: a request's completion runs twice. */
  REQUEST_COMPLETION_TWICE(12),
  /** Invariant 14: an entry arriving on an unarmed CQ notifies anyway. */
  NOTIFY_WHILE_UNARMED(14),
  /** Invariant 15: CQ notifications are not deferred and run on alternating cores, so overlap. */
  OVERLAPPING_NOTIFICATIONS(15),
  /** Invariant 19: a SILENT_SUCCESS request that succeeds still queues an entry. */
  SILENT_SUCCESS_QUEUES_ENTRY(19),
  /** Invariant 20: flushed requests complete with STATUS_SUCCESS instead of CANCELLED. */
  FLUSHED_NOT_CANCELLED(20),
  /** Invariant 21: an inline post failure does not push the earlier DEFER requests. */
  DEFER_CHAIN_NOT_PUSHED(21),
  /** Invariant 23: results carry a null QPContext. */
  QP_CONTEXT_LOST(23);

  private final int invariant;

  ProviderMutation(int invariant) {
    this.invariant = invariant;
  }

  /** The ndkpi-spec 7 invariant this variant breaks. */
  public int invariant() {
    return invariant;
  }
}
