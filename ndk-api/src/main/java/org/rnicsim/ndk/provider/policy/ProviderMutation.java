package org.rnicsim.ndk.provider.policy;

/**
 * Deliberately broken provider variants, for testing that the lifetime verifier (and the provider's
 * own tests) catch each broken rule with the right invariant number. Never set in a profile: a
 * provider built without mutations keeps every rule. Each constant names the invariant it breaks.
 */
public enum ProviderMutation {
  /** Invariant 1: an inline (SUCCESS) create also runs its create completion. */
  CREATE_COMPLETION_AFTER_INLINE_SUCCESS(1),
  /** Invariant 2: a pending create completes with SUCCESS but passes a null pNdkObject. */
  CREATE_SUCCESS_WITHOUT_OBJECT(2),
  /** Invariant 3: a pending create that fails still passes its half-made object. */
  FAILED_CREATE_DELIVERS_OBJECT(3),
  /** Invariant 4: every object header but the adapter's claims a version one minor too high. */
  HEADER_WRONG_VERSION(4),
  /** Invariant 5: a close that returns SUCCESS still runs its close completion. */
  CLOSE_COMPLETION_AFTER_SUCCESS(5),
  /** Invariant 6: a CQ with a notification callback gets one more notification after its close. */
  CALLBACK_AFTER_CLOSE(6),
  /** Invariants 7, 8: a close completes while a callback on the object is still running. */
  CLOSE_WHILE_CALLBACK_RUNS(8),
  /** Invariants 9, 20: closing a QP does not flush its pending requests. */
  CLOSE_WITHOUT_FLUSH(9),
  /** Invariant 8: a request's completion releases the close when it starts, not at its return. */
  REQUEST_RELEASES_CLOSE_AT_START(8),
  /** Invariant 10: an antecedent's close completes while successors are open. */
  ANTECEDENT_CLOSE_BEFORE_SUCCESSOR(10),
  /**
   * Invariant 10: a successor leaves its antecedents when its close is issued, not when its close
   * completion has returned.
   */
  SUCCESSOR_RELEASED_AT_CLOSE_START(10),
  /** Invariant 12: a request's completion runs twice. */
  REQUEST_COMPLETION_TWICE(12),
  /** Invariant 14: an entry arriving on an unarmed CQ notifies anyway. */
  NOTIFY_WHILE_UNARMED(14),
  /** Invariant 15: CQ notifications are not deferred and run on alternating cores, so overlap. */
  OVERLAPPING_NOTIFICATIONS(15),
  /** Invariant 16: a re-arm replaces the arm type instead of keeping the stronger one. */
  REARM_TAKES_LATEST_TYPE(16),
  /** Invariant 19: a SILENT_SUCCESS request that succeeds still queues an entry. */
  SILENT_SUCCESS_QUEUES_ENTRY(19),
  /** Invariant 19: the SRQ close drops its queued receives instead of flushing them. */
  SRQ_CLOSE_DROPS_RECEIVES(19),
  /** Invariant 20: flushed requests complete with STATUS_SUCCESS instead of CANCELLED. */
  FLUSHED_NOT_CANCELLED(20),
  /** Invariant 21: an inline post failure does not push the earlier DEFER requests. */
  DEFER_CHAIN_NOT_PUSHED(21),
  /** Invariant 23: results carry a null QPContext. */
  QP_CONTEXT_LOST(23),
  /** Invariant 27: a listener whose close was issued still hands out connect events. */
  LISTENER_ACCEPTS_AFTER_CLOSE(27),
  /** Invariant 28: a paused listener still hands out connect events. */
  CONNECT_EVENT_WHILE_PAUSED(28),
  /** Invariant 30: CreateCq accepts a depth above MaxCqDepth. */
  CQ_DEPTH_UNCHECKED(30),
  /** Invariant 31: ControlCqInterruptModeration says NOT_SUPPORTED although the flag is set. */
  MODERATION_REFUSED_DESPITE_FLAG(31),
  /** Invariant 34: OpenAdapter accepts a minor version above the provider's highest. */
  OPEN_ACCEPTS_HIGHER_MINOR(34);

  private final int invariant;

  ProviderMutation(int invariant) {
    this.invariant = invariant;
  }

  /** The ndkpi-spec 7 invariant this variant breaks. */
  public int invariant() {
    return invariant;
  }
}
